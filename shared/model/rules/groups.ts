/** Group settings: base path and stage variable names. */
import { basePathProblem } from '../base-path';
import { STAGE_VARIABLE_NAME } from '../names';
import { STAGES } from '../schema';
import type { ProjectRule } from './context';
import { q } from './report';

export const checkGroups: ProjectRule = ({ project }, report) => {
  project.groups.forEach((group, i) => {
    const basePath = basePathProblem(group.basePath);
    if (basePath) report(['groups', i, 'basePath'], `Base path ${q(group.basePath)} of group ${q(group.name)} ${basePath}.`);
    for (const stage of STAGES) {
      for (const name of Object.keys(group.stageVariables[stage] ?? {})) {
        if (STAGE_VARIABLE_NAME.test(name)) continue;
        report(
          ['groups', i, 'stageVariables', stage, name],
          `Stage variable name ${q(name)} in ${stage} of group ${q(group.name)} is not valid: ` +
            'use letters, digits and `_`, not starting with a digit, so it can be written as `#name#`.',
        );
      }
    }
  });
};
