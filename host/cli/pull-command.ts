/**
 * `apigw-studio pull`: read a region of the cloud. Into a new project file when --project names
 * one that does not exist (every id recorded, so the next plan is empty); for an existing one,
 * a preview of what taking the cloud's state in would change, and with --merge, that change; with
 * --adopt, only the ids of the cloud's objects that bear the design's names (a lost cloud-state
 * file rebuilt, docs/project-file.md, "Cloud ids").
 */
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { validateProject } from '../../shared/model/validate';
import { adoptByName } from '../../shared/sync/adopt';
import { type MergeLine, importSnapshot, mergeSnapshot } from '../../shared/sync/import-snapshot';
import type { CloudSnapshot } from '../../shared/sync/snapshot';
import { cloudStatePathFor } from '../../shared/project-file';
import { pull } from '../sync';
import { ProjectStore } from '../workspace';
import { EXIT, displayPath, plural } from './cli-io';
import type { CliCommand } from './command';
import { paint } from './plan-format';
import { CONNECTION_HELP, CONNECTION_OPTIONS, type SyncSession, CommandFailure, openSession, runSyncCommand, openRecorder } from './sync-session';

export const pullCommand: CliCommand = {
  name: 'pull',
  args: '--project F --region R',
  summary: "Read the cloud's groups, APIs, policies, apps and plug-ins into a project",
  options: { ...CONNECTION_OPTIONS, merge: { type: 'boolean' }, adopt: { type: 'boolean' } },
  optionHelp: [
    ...CONNECTION_HELP,
    '--merge  For an existing project: take the cloud\'s state in (without it, only show what would change)',
    '--adopt  For an existing project: record the ids of the cloud\'s objects that bear the design\'s names (rebuilds a lost cloud-state file; changes neither the cloud nor the design)',
  ],
  run(context) {
    return runSyncCommand('pull', context, async () => {
      if (context.values.adopt === true && context.values.merge === true) throw new CommandFailure(EXIT.usage, 'apigw-studio pull: give --adopt or --merge, not both');
      const session = await openSession('pull', context);
      try {
        const exists = await access(session.path).then(
          () => true,
          () => false,
        );
        if (context.values.adopt === true && !exists) throw new CommandFailure(EXIT.usage, `apigw-studio pull: ${session.shown} does not exist, so there is nothing to adopt into; without --adopt, pull writes a new project`);
        const snapshot = await pull(session.client, { cache: session.cache });
        if (context.values.adopt === true) return await adopt(session, snapshot);
        const name = basename(session.path).replace(/\.apigw\.ya?ml$|\.ya?ml$/, '') || 'imported';
        const imported = importSnapshot(snapshot, { name, profileKey: session.connection.profileKey });
        for (const note of imported.notes) session.io.err(`note: ${note}`);
        if (!exists) return await writeNew(session, imported.project);
        return await merge(session, imported.project, context.values.merge === true);
      } finally {
        session.client.close();
      }
    });
  },
};

async function writeNew(session: SyncSession, project: ReturnType<typeof importSnapshot>['project']): Promise<number> {
  await new ProjectStore().save(session.path, project);
  const problems = validateProject(JSON.parse(JSON.stringify(project))).problems;
  const what = `${plural(project.apis.length, 'API')} in ${plural(project.groups.length, 'group')}, ${plural(project.throttlingPolicies.length, 'throttling policy')}, ${plural(project.apps.length, 'app')}, ${plural(project.plugins.length, 'plug-in')}`;
  if (session.json) session.io.out(JSON.stringify({ project: session.shown, written: true, apis: project.apis.length, groups: project.groups.length, problems }, null, 2));
  else session.io.out(`Wrote ${session.shown}: ${what}, ids recorded as ${session.connection.profileKey}.`);
  if (problems.length > 0) {
    session.io.err(`${session.shown}: the cloud holds ${plural(problems.length, 'thing')} the design's rules refuse; run apigw-studio validate ${session.shown} and fix them before syncing.`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

async function merge(session: SyncSession, imported: ReturnType<typeof importSnapshot>['project'], write: boolean): Promise<number> {
  const recorder = await openRecorder(session);
  const { project, lines } = mergeSnapshot(recorder.project, imported, session.connection.profileKey);
  if (session.json) {
    session.io.out(JSON.stringify({ project: session.shown, merged: write, lines }, null, 2));
  } else {
    for (const line of lines) for (const text of formatMergeLine(line, session)) session.io.out(text);
    session.io.out(
      lines.length === 0
        ? `The design already holds what the cloud has.`
        : `${plural(lines.length, 'change')} to ${session.shown}${write ? ' made' : '; run again with --merge to make them'}.`,
    );
  }
  if (write) await recorder.updateProject(() => project);
  return EXIT.ok;
}

/** Records the ids of the cloud's objects that bear the design's names; never writes to the cloud or the design. */
async function adopt(session: SyncSession, snapshot: CloudSnapshot): Promise<number> {
  const recorder = await openRecorder(session);
  const key = session.connection.profileKey;
  const { ids, adopted, notes } = adoptByName(recorder.project, snapshot, key);
  for (const note of notes) session.io.err(`note: ${note}`);
  if (JSON.stringify(ids) !== JSON.stringify(recorder.ids)) {
    await recorder.update((current) => {
      for (const field of Object.keys(current) as (keyof typeof current)[]) delete current[field];
      Object.assign(current, ids);
    }, { durable: true });
  }
  await recorder.flush();
  const stateFile = displayPath(session.io, cloudStatePathFor(session.path, key));
  if (session.json) {
    session.io.out(JSON.stringify({ project: session.shown, profileKey: key, stateFile, adopted, notes }, null, 2));
    return EXIT.ok;
  }
  for (const item of adopted) session.io.out(paint(session.style, '32', `+ adopt ${item.kind} ${item.name} (id ${item.id})`));
  session.io.out(
    adopted.length === 0
      ? `Nothing to adopt: every object of ${session.shown} the cloud holds by name is already recorded as ${key}.`
      : `Adopted ${plural(adopted.length, 'object')} by name as ${key}, recorded in ${stateFile}; nothing changed in the cloud or the design.`,
  );
  return EXIT.ok;
}

function formatMergeLine(line: MergeLine, session: SyncSession): string[] {
  const marker = line.op === 'add' ? '+' : '~';
  const head = paint(session.style, line.op === 'add' ? '32' : '33', `${marker} ${line.kind} ${line.name}`);
  return [head, ...(line.fields ?? []).map((field) => `      ${field.path || '(all)'}: ${JSON.stringify(field.from) ?? '(none)'} → ${JSON.stringify(field.to) ?? '(none)'}`)];
}
