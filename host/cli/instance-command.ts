/**
 * `apigw-studio gateway list|show|check|buy|modify|delete`: dedicated gateways from the command
 * line, through the same InstanceService the console uses (so the same rules, the same purchase
 * records, the same token guarantees). See docs/gateways.md. The command's word stays `gateway`,
 * what its users call these; in code they are instances, apart from the local gateway.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InstanceView, PurchaseProgress } from '../../shared/ipc/instance-views';
import { type Finding, type PurchaseRequest, chosenSpec, estimatePrice, estimateText, hasBlockers, specLabel } from '../../shared/purchase';
import { DEFAULT_POLL_MS, deleteRefusal, InstanceBlocked } from '../instances';
import { HostError } from '../base/host-error';
import { EXIT } from './cli-io';
import type { CliCommand, CommandContext } from './command';
import { Flags, INSTANCE_HELP, INSTANCE_OPTIONS, INSTANCE_VERBS, type InstanceVerb, checkFlags, isInstanceVerb, usage } from './instance-command-args';
import { findingLines, listLines, showLines } from './instance-command-output';
import { type InstanceCli, ask, openInstanceCli } from './instance-command-session';
import { runSyncCommand } from './sync-session';

/** A waiting line is repeated at most this often when nothing changes. */
const REPEAT_WAITING_MS = 10_000;

export const instanceCommand: CliCommand = {
  name: 'gateway',
  args: `<${INSTANCE_VERBS.join('|')}> [ID] --region R`,
  summary: 'Buy, list, change and delete dedicated gateways (API Gateway instances)',
  options: INSTANCE_OPTIONS,
  optionHelp: INSTANCE_HELP,
  run(context) {
    const verb = context.positionals[0];
    return runSyncCommand(isInstanceVerb(verb) ? `gateway ${verb}` : 'gateway', context, async () => {
      if (!isInstanceVerb(verb)) throw usage('', verb === undefined ? `which? give one of ${INSTANCE_VERBS.join(', ')}` : `"${verb}" is not a gateway command; give one of ${INSTANCE_VERBS.join(', ')}`);
      checkFlags(verb, context.values);
      const flags = new Flags(verb, context.values);
      const instanceId = instanceArgument(verb, context);
      const cli = await openInstanceCli(verb, context.io, flags);
      try {
        return await VERBS[verb](cli, flags, instanceId);
      } finally {
        await cli.close();
      }
    });
  },
};

const TAKES_ID: ReadonlySet<InstanceVerb> = new Set(['show', 'modify', 'delete']);

function instanceArgument(verb: InstanceVerb, context: CommandContext): string {
  const rest = context.positionals.slice(1);
  if (TAKES_ID.has(verb)) {
    if (rest.length !== 1) throw usage(verb, `give the gateway's id, e.g. apigw-studio gateway ${verb} apigateway-cn-abc123 --region cn-hangzhou`);
    return rest[0];
  }
  if (rest.length > 0) throw usage(verb, `unexpected argument ${rest[0]}`);
  return '';
}

type Verb = (cli: InstanceCli, flags: Flags, instanceId: string) => Promise<number>;

const VERBS: Record<InstanceVerb, Verb> = {
  async list(cli) {
    const view = await cli.service.list();
    for (const line of cli.json ? [JSON.stringify(view, null, 2)] : listLines(view)) cli.io.out(line);
    return EXIT.ok;
  },

  async show(cli, _flags, instanceId) {
    const view = await cli.service.show(instanceId);
    for (const line of cli.json ? [JSON.stringify(view, null, 2)] : showLines(view)) cli.io.out(line);
    return EXIT.ok;
  },

  async check(cli, flags) {
    const request = flags.purchaseRequest();
    const { findings } = await cli.service.check(request);
    if (cli.json) cli.io.out(JSON.stringify({ region: cli.connection.region, findings }, null, 2));
    else for (const line of [`Checking gateway "${request.name}" in ${cli.connection.region}:`, ...findingLines(findings)]) cli.io.out(line);
    return hasBlockers(findings) ? EXIT.problems : EXIT.ok;
  },

  async buy(cli, flags) {
    const given = flags.token();
    const token = given ?? randomUUID();
    const known = given ? await cli.service.purchase(token) : undefined;
    const request = flags.purchaseRequest();
    if (known?.state === 'failed' && !known.instanceId) {
      cli.say(`Token ${token} is the purchase of ${known.name}, whose outcome is not known: sending it again with the same token and parameters; the cloud answers with the same gateway if it bought one.`);
    } else if (known) {
      cli.say(`Token ${token} is the purchase of ${known.name}${known.instanceId ? ` (${known.instanceId})` : ''}, ${known.state}: the same purchase, nothing more is bought.`);
    } else {
      const { findings } = await cli.service.check(request);
      if (!cli.json || hasBlockers(findings)) printFindings(cli, `Checking gateway "${request.name}" in ${cli.connection.region}:`, findings);
      if (hasBlockers(findings)) {
        cli.io.err(`apigw-studio gateway buy: not buying: fix the blockers above (apigw-studio gateway check shows them again).`);
        return EXIT.problems;
      }
      if (!(await ask(cli, flags.bool('yes'), `Buy ${describePurchase(request, cli.connection.region)}? Only "yes" is accepted:`))) {
        cli.io.err('apigw-studio gateway buy: nothing bought.');
        return EXIT.problems;
      }
      cli.say(`Purchase token: ${token}`);
      cli.say(`(Waiting can be stopped with Ctrl-C; run the same command with --token ${token} to follow it again. It never buys twice.)`);
    }
    if (known?.state === 'running') return reportPurchase(cli, token, true, known);

    cli.onPurchase = progressPrinter(cli, token);
    try {
      await cli.service.buy({ request, token });
    } catch (error) {
      if (error instanceof InstanceBlocked) {
        printFindings(cli, 'The region changed since the check:', error.findings);
        cli.io.err('apigw-studio gateway buy: not buying: fix the blockers above.');
        return EXIT.problems;
      }
      throw error;
    }
    const end = await cli.service.waitForPurchase(token);
    return reportPurchase(cli, token, known !== undefined, end);
  },

  async modify(cli, flags, instanceId) {
    const change = flags.change();
    if (Object.keys(change).length === 0) throw usage('modify', 'nothing to change: give --name, --description, --maintenance, --https-policy, --edition or --spec');
    const findings = await cli.service.checkChange({ instanceId, change });
    if (!cli.json || hasBlockers(findings)) printFindings(cli, `Checking the change of gateway ${instanceId}:`, findings);
    if (hasBlockers(findings)) {
      cli.io.err('apigw-studio gateway modify: not changing: fix the blockers above.');
      return EXIT.problems;
    }
    if (!(await ask(cli, flags.bool('yes'), `Change gateway ${instanceId} (${Object.keys(change).join(', ')})? Only "yes" is accepted:`))) {
      cli.io.err('apigw-studio gateway modify: nothing changed.');
      return EXIT.problems;
    }
    let view = await cli.service.modify({ instanceId, change, token: flags.token() });
    if (view.status === 'MODIFYING') view = (await waitWhile(cli, instanceId, 'MODIFYING', flags.pollMs())) ?? view;
    for (const line of cli.json ? [JSON.stringify(view, null, 2)] : [`Changed gateway ${view.name} (${instanceId}).`, ...showLines(view)]) cli.io.out(line);
    return EXIT.ok;
  },

  async delete(cli, flags, instanceId) {
    const view = await cli.service.show(instanceId);
    const refused = deleteRefusal(view);
    if (refused) throw refused;
    const agreed = await ask(cli, flags.bool('yes'), `Deleting gateway ${view.name} (${instanceId}) cannot be undone. Type its name to delete it:`, view.name);
    if (!agreed) {
      cli.io.err(`apigw-studio gateway delete: the name typed is not ${view.name}; nothing deleted.`);
      return EXIT.problems;
    }
    const deleting = await cli.service.delete({ instanceId, confirmation: view.name });
    cli.say(`Deleting gateway ${view.name} (${instanceId}): ${deleting.status ?? 'DELETING'}`);
    const left = await waitWhile(cli, instanceId, 'DELETING', flags.pollMs());
    if (cli.json) cli.io.out(JSON.stringify({ instanceId, deleted: left === undefined, instance: left ?? null }, null, 2));
    else cli.io.out(left ? `Gateway ${view.name} (${instanceId}) is ${left.status} now.` : `Gateway ${view.name} (${instanceId}) is deleted; its private IPs are free again.`);
    return EXIT.ok;
  },
};

/** Before a change: on stderr when they refuse it, else as progress. */
function printFindings(cli: InstanceCli, title: string, findings: readonly Finding[]): void {
  const lines = [title, ...findingLines(findings)];
  for (const line of lines) {
    if (hasBlockers(findings)) cli.io.err(line);
    else cli.say(line);
  }
}

/** The question before buying: what, where, how billed, and the price estimate. */
export function describePurchase(request: PurchaseRequest, region: string): string {
  const spec = chosenSpec(request, [])?.id ?? (request.spec || request.edition || '(no edition)');
  const billing = request.billing.kind === 'payAsYouGo' ? 'pay-as-you-go' : `a ${request.billing.duration}-${request.billing.cycle} subscription`;
  // The list-price estimate of docs/gateways.md, "Prices (an estimate)"; never a guessed number.
  const estimate = estimatePrice(region, chosenSpec(request, [])?.id, request.billing);
  const price = estimate.known ? `, for ${estimateText(estimate)} (estimate; outbound traffic billed apart)` : ` (no published price recorded for it)`;
  return `gateway ${request.name} (${specLabel(spec)}) in ${region}, zones ${request.zones.join(', ') || '(none)'}, ${billing}${price}`;
}

/** Prints a purchase's steps: each new state or instance status at once, an unchanged wait now and then. */
function progressPrinter(cli: InstanceCli, token: string): (progress: PurchaseProgress) => void {
  let last = '';
  let lastAt = 0;
  return (progress) => {
    if (progress.token !== token || progress.state === 'running' || progress.state === 'failed') return;
    // The same step with another count of seconds is not news.
    const step = `${progress.state} ${progress.message.replace(/ \(\d+ s\)$/, '')}`;
    if (step === last && Date.now() - lastAt < REPEAT_WAITING_MS) return;
    last = step;
    lastAt = Date.now();
    cli.say(progress.message);
  };
}

function reportPurchase(cli: InstanceCli, token: string, known: boolean, end: PurchaseProgress | undefined): number {
  if (cli.json) cli.io.out(JSON.stringify({ token, known, purchase: end ?? null }, null, 2));
  if (end?.state === 'running') {
    if (!cli.json) cli.io.out(end.message);
    return EXIT.ok;
  }
  if (end?.state === 'failed') {
    cli.io.err(`apigw-studio gateway buy: ${end.message}`);
    if (end.failure) cli.io.err(`  ${end.failure.code}: ${end.failure.message}${end.failure.requestId ? ` (RequestId ${end.failure.requestId})` : ''}`);
    return EXIT.problems;
  }
  cli.io.err(`apigw-studio gateway buy: stopped following the purchase while it was ${end?.state ?? 'unknown'}; run it again with --token ${token} to go on.`);
  return EXIT.problems;
}

/** Looks at the gateway until its status is no longer `status`; undefined once it is gone. */
async function waitWhile(cli: InstanceCli, instanceId: string, status: string, pollMs = DEFAULT_POLL_MS): Promise<InstanceView | undefined> {
  const started = Date.now();
  let lastAt = 0;
  for (;;) {
    let view: InstanceView;
    try {
      view = await cli.service.show(instanceId);
    } catch (error) {
      if (error instanceof HostError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
    if (view.status !== status) return view;
    if (Date.now() - lastAt >= REPEAT_WAITING_MS) {
      lastAt = Date.now();
      cli.say(`Waiting for ${instanceId}: ${status} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    await sleep(pollMs);
  }
}
