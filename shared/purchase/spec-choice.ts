/** From what a person chose (an edition, a spec, or both) to the one spec that is bought. */
import { EDITIONS, EDITION_IDS, type EditionId, type InstanceSpec, SPEC_IDS, specById, specRank } from './editions';
import { type Finding, blocker } from './findings';

/** The spec to buy, or undefined (with a blocker in `findings`) when the choice names none or contradicts itself. */
export function chosenSpec(choice: { edition?: EditionId; spec?: string }, findings: Finding[]): InstanceSpec | undefined {
  const { edition, spec } = choice;
  if (spec !== undefined && spec !== '') {
    const found = specById(spec);
    if (!found) {
      findings.push(blocker('SPEC_UNKNOWN', 'edition', `"${spec}" is not a dedicated instance spec; choose one of ${SPEC_IDS.join(', ')}.`));
      return undefined;
    }
    if (edition !== undefined && found.edition !== edition) {
      const wanted = EDITIONS[edition];
      findings.push(
        blocker(
          'EDITION_SPEC_MISMATCH',
          'edition',
          `Spec ${spec} belongs to the ${EDITIONS[found.edition].label.toLowerCase()} edition, not to the ${wanted ? wanted.label.toLowerCase() : edition} edition; choose ${wanted ? wanted.specs.join(' or ') : 'a matching spec'}.`,
        ),
      );
      return undefined;
    }
    return found;
  }
  if (edition === undefined) {
    findings.push(blocker('EDITION_MISSING', 'edition', `Choose an edition: ${EDITION_IDS.map((id) => `${EDITIONS[id].label} (${EDITIONS[id].ipsPerSubnet} free IPs per subnet)`).join(', ')}.`));
    return undefined;
  }
  const known = EDITIONS[edition];
  if (!known) {
    findings.push(blocker('EDITION_MISSING', 'edition', `"${edition}" is not an edition; choose one of ${EDITION_IDS.join(', ')}.`));
    return undefined;
  }
  return specById(known.specs[0]);
}

/** ModifyInstanceSpec's ModifyAction for a move between two specs (the cloud refuses the wrong one). */
export function specChangeAction(from: string, to: string): 'UPGRADE' | 'DOWNGRADE' {
  return specRank(to) > specRank(from) ? 'UPGRADE' : 'DOWNGRADE';
}
