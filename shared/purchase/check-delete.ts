/**
 * Whether a dedicated gateway may be deleted: not while API groups live on it (the cloud cannot
 * leave them without a home), and only once it runs (one already being deleted may be asked
 * again). The offline cloud refuses by these findings, the host and the CLI check them first.
 */
import { type Finding, blocker } from './findings';

export interface DeletedInstance {
  instanceId: string;
  name?: string;
  status?: string;
  /** The API groups placed on it. */
  groups: { id: string; name: string }[];
}

export function checkDelete(instance: DeletedInstance): Finding[] {
  const label = instance.name ? `gateway ${instance.name} (${instance.instanceId})` : `dedicated instance ${instance.instanceId}`;
  const findings: Finding[] = [];
  const { groups } = instance;
  if (groups.length > 0) {
    const names = groups.map((group) => `"${group.name}" (${group.id})`).join(', ');
    findings.push(
      blocker(
        'INSTANCE_HAS_GROUPS',
        'instance',
        `The ${label} still hosts ${groups.length} API group${groups.length === 1 ? '' : 's'}: ${names}. Delete them (DeleteApiGroup) or move them to another instance (ModifyApiGroupInstance) first, then delete the gateway.`,
      ),
    );
  }
  if (instance.status !== undefined && instance.status !== 'RUNNING' && instance.status !== 'DELETING') {
    findings.push(blocker('INSTANCE_BUSY', 'instance', `The ${label} is ${instance.status}; wait until it is RUNNING, then delete it.`));
  }
  return findings;
}
