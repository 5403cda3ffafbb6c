/**
 * `apigw-studio gateway`'s flags: which verb takes which, and how they become a PurchaseRequest
 * or an InstanceChange. Only the form is checked here (a number where a number goes); whether
 * the values are right is for shared/purchase's rules, which say so in their own words.
 */
import { TOKEN_PATTERN } from '../../shared/ipc/contract';
import type { ParseArgsConfig } from 'node:util';
import { EDITION_IDS, type EditionId, type InstanceChange, type MaintenanceWindow, type PurchaseRequest, isEditionId } from '../../shared/purchase';
import { EXIT } from './cli-io';
import type { CommandContext } from './command';
import { CommandFailure } from './sync-session';

export const INSTANCE_VERBS = ['list', 'show', 'check', 'buy', 'modify', 'delete'] as const;
export type InstanceVerb = (typeof INSTANCE_VERBS)[number];

const CONNECTION = ['region', 'profile', 'endpoint', 'data', 'json', 'verbose'];
const PURCHASE = ['name', 'description', 'edition', 'spec', 'subnet', 'vpc', 'security-group', 'public-groups', 'maintenance', 'billing', 'duration', 'cycle', 'https-policy', 'instance-cidr'];
const CHANGE = ['name', 'description', 'edition', 'spec', 'vpc', 'maintenance', 'https-policy'];

const INTERNET_PER_GROUP = 'internet access is per API group: switch it on in the Groups screen (or `network: { internet: true }` on the group in the project file) and run apigw-studio apply';

/**
 * Flags of earlier versions that stood for parameters Alibaba Cloud does not have (docs/gateways.md
 * "What is sent"): still parsed, so that passing one says why it is gone instead of "unknown option".
 */
const NOT_IN_THE_API: Record<string, (verb: InstanceVerb) => string | undefined> = {
  eip: () => `--eip: Alibaba Cloud has no EIP on a dedicated instance; ${INTERNET_PER_GROUP}.`,
  bandwidth: () =>
    `--bandwidth: Alibaba Cloud has no bandwidth setting on a dedicated instance (its outbound Internet bandwidth comes with the spec, e.g. 100 Mbit/s for api.s1.small; --edition/--spec pick it); ${INTERNET_PER_GROUP}.`,
  'security-group': (verb) =>
    verb === 'modify'
      ? "--security-group: Alibaba Cloud has no call that moves a dedicated instance to another security group (ModifyInstanceVpcAttributeForConsole sets a classic instance's VPC access, nothing else); change the rules of the gateway's security group instead."
      : undefined,
};

/** The flags each verb takes, besides the connection's. */
const FLAGS: Record<InstanceVerb, string[]> = {
  list: [],
  show: [],
  check: PURCHASE,
  buy: [...PURCHASE, 'token', 'yes', 'poll'],
  modify: [...CHANGE, 'token', 'yes', 'poll'],
  delete: ['yes', 'poll'],
};

export const INSTANCE_OPTIONS: ParseArgsConfig['options'] = {
  region: { type: 'string' },
  profile: { type: 'string' },
  endpoint: { type: 'string' },
  data: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  name: { type: 'string' },
  description: { type: 'string' },
  edition: { type: 'string' },
  spec: { type: 'string' },
  subnet: { type: 'string', multiple: true },
  vpc: { type: 'string' },
  'security-group': { type: 'string' },
  'public-groups': { type: 'boolean' },
  eip: { type: 'string' },
  bandwidth: { type: 'string' },
  maintenance: { type: 'string' },
  billing: { type: 'string' },
  duration: { type: 'string' },
  cycle: { type: 'string' },
  'https-policy': { type: 'string' },
  'instance-cidr': { type: 'string' },
  token: { type: 'string' },
  yes: { type: 'boolean' },
  poll: { type: 'string' },
};


export function usage(verb: string, message: string): CommandFailure {
  return new CommandFailure(EXIT.usage, `apigw-studio gateway${verb ? ` ${verb}` : ''}: ${message}`);
}

export function isInstanceVerb(value: string | undefined): value is InstanceVerb {
  return (INSTANCE_VERBS as readonly string[]).includes(value ?? '');
}

/** Refuses flags the verb does not take, so a typo or a misplaced flag is not silently ignored. */
export function checkFlags(verb: InstanceVerb, values: CommandContext['values']): void {
  for (const [name, why] of Object.entries(NOT_IN_THE_API)) {
    const message = values[name] !== undefined ? why(verb) : undefined;
    if (message) throw usage(verb, message);
  }
  const allowed = new Set([...CONNECTION, ...FLAGS[verb]]);
  const stray = Object.keys(values).find((name) => values[name] !== undefined && !allowed.has(name) && name !== 'help');
  if (stray) throw usage(verb, `--${stray} does not apply to ${verb}; see apigw-studio gateway --help`);
}

export class Flags {
  constructor(
    private readonly verb: InstanceVerb,
    private readonly values: CommandContext['values'],
  ) {}

  text(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  bool(name: string): boolean {
    return this.values[name] === true;
  }

  list(name: string): string[] {
    const value = this.values[name];
    return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
  }

  number(name: string, what: string): number | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw usage(this.verb, `--${name} takes ${what}, not "${text}"`);
    return value;
  }

  /** --token, or undefined; in the contract's form, so what the CLI buys with could be bought with from the UI too. */
  token(): string | undefined {
    const token = this.text('token');
    if (token !== undefined && !TOKEN_PATTERN.test(token)) throw usage(this.verb, `--token "${token}" is not a purchase token: 8 to 64 letters, digits or dashes (a UUID is one)`);
    return token;
  }

  /** --poll in seconds, as milliseconds. */
  pollMs(): number | undefined {
    const seconds = this.number('poll', 'the seconds between looks at the gateway, e.g. 2');
    if (seconds === 0) throw usage(this.verb, '--poll must be more than 0 seconds');
    return seconds === undefined ? undefined : seconds * 1000;
  }

  edition(): EditionId | undefined {
    const edition = this.text('edition');
    if (edition === undefined) return undefined;
    if (!isEditionId(edition)) throw usage(this.verb, `--edition ${edition} is not an edition; choose one of ${EDITION_IDS.join(', ')}`);
    return edition;
  }

  /** `--maintenance 22:00Z-01:00Z`. */
  maintenance(): MaintenanceWindow | undefined {
    const text = this.text('maintenance');
    if (text === undefined) return undefined;
    const parts = text.split('-');
    if (parts.length !== 2) throw usage(this.verb, `--maintenance takes START-END in UTC, e.g. 22:00Z-01:00Z, not "${text}"`);
    return { start: parts[0].trim(), end: parts[1].trim() };
  }

  billing(): PurchaseRequest['billing'] {
    const kind = this.text('billing') ?? 'payg';
    if (kind === 'payg') {
      if (this.has('duration') || this.has('cycle')) throw usage(this.verb, '--duration and --cycle are for --billing subscription');
      return { kind: 'payAsYouGo' };
    }
    if (kind !== 'subscription') throw usage(this.verb, `--billing takes payg (pay-as-you-go) or subscription, not "${kind}"`);
    const duration = this.number('duration', 'a whole number of months or years');
    if (duration === undefined) throw usage(this.verb, '--billing subscription needs --duration N (and --cycle month or year; month by default)');
    const cycle = this.text('cycle') ?? 'month';
    if (cycle !== 'month' && cycle !== 'year') throw usage(this.verb, `--cycle takes month or year, not "${cycle}"`);
    return { kind: 'subscription', duration, cycle };
  }

  /** `--subnet ZONE=VSWITCH`, once per zone, in the order given. */
  subnets(): { zones: string[]; subnets: Record<string, string> } {
    const zones: string[] = [];
    const subnets: Record<string, string> = {};
    for (const item of this.list('subnet')) {
      const at = item.indexOf('=');
      if (at <= 0) throw usage(this.verb, `--subnet takes ZONE=VSWITCH, e.g. --subnet cn-hangzhou-j=vsw-bp1..., not "${item}"`);
      const zone = item.slice(0, at).trim();
      if (Object.hasOwn(subnets, zone)) throw usage(this.verb, `zone ${zone} is given twice; give one --subnet per zone`);
      zones.push(zone);
      subnets[zone] = item.slice(at + 1).trim();
    }
    return { zones, subnets };
  }

  purchaseRequest(): PurchaseRequest {
    const request: PurchaseRequest = {
      name: this.text('name') ?? '',
      ...this.subnets(),
      vpcId: this.text('vpc') ?? '',
      securityGroupId: this.text('security-group') ?? '',
      ...(this.bool('public-groups') ? { publicGroups: true } : {}),
      billing: this.billing(),
    };
    const edition = this.edition();
    const optional: Partial<PurchaseRequest> = {
      description: this.text('description'),
      edition,
      spec: this.text('spec'),
      maintenance: this.maintenance(),
      httpsPolicy: this.text('https-policy'),
      instanceCidr: this.text('instance-cidr'),
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(request, { [key]: value });
    return request;
  }

  change(): InstanceChange {
    const change: InstanceChange = {};
    const fields: Partial<InstanceChange> = {
      name: this.text('name'),
      description: this.text('description'),
      maintenance: this.maintenance(),
      vpcId: this.text('vpc'),
      edition: this.edition(),
      spec: this.text('spec'),
      httpsPolicy: this.text('https-policy'),
    };
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(change, { [key]: value });
    return change;
  }
}

export const INSTANCE_HELP = [
  'Verbs:',
  '  list                      The region\'s gateways: id, name, spec, status, zones; the quota; purchases under way',
  '  show ID                   One gateway in detail, with the API groups on it',
  '  check <purchase flags>    Every finding of the purchase rules (level, field, message); exit 1 on a blocker',
  '  buy <purchase flags>      Check, ask (or --yes), buy with a token, wait until RUNNING, set the maintenance window',
  '  modify ID <change flags>  Change name, description, maintenance window, HTTPS policy or edition/spec',
  '                            (ModifyInstanceAttribute, ModifyInstanceSpec; the same flags as a purchase)',
  '  delete ID                 Delete a gateway (refused while API groups are on it); asks for its name, or --yes',
  '',
  'Connection (as the sync commands; no project needed):',
  '  --region R            The region, e.g. cn-hangzhou (required)',
  '  --profile P           Cloud keys saved in the vault as cloud-profile/P; default: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET',
  '  --endpoint URL        Another OpenAPI endpoint, e.g. the offline cloud (apigw-studio cloud-sim); with no keys, its demo account',
  '  --data DIR            The app\'s data dir: purchases are recorded there (gateway-purchases.json)',
  '  --json                Print JSON instead of text',
  '  --verbose             Print each OpenAPI call on stderr: action, HTTP status, code, request id, duration',
  '',
  'Purchase flags (check, buy):',
  '  --name N              1 to 50 letters, digits, _ or -',
  `  --edition E           ${EDITION_IDS.join(' | ')} (needs 3, 5, 6, 7 free IPs in each subnet); --spec S picks a platinum size`,
  '  --subnet ZONE=VSW     A zone and the vSwitch the gateway takes IPs from; once per zone, e.g.',
  '                        --subnet cn-hangzhou-j=vsw-aaa --subnet cn-hangzhou-g=vsw-bbb',
  '  --vpc V               The VPC of those vSwitches',
  '  --security-group SG   A security group of that VPC',
  '  --public-groups       API groups on it will take Internet calls: check that the group lets TCP 80 and 443 in',
  '                        (not sent; Internet access is each API group\'s setting, the Groups screen)',
  '  --maintenance A-B     Maintenance window in UTC, e.g. 22:00Z-01:00Z (set once the gateway runs)',
  '  --billing payg|subscription  with --duration N and --cycle month|year for a subscription',
  '  --description D, --https-policy P, --instance-cidr C',
  '',
  'Buying and changing:',
  '  --token T             The purchase token (8-64 letters, digits, dashes). Buy prints a new one when not given;',
  '                        run the same buy with --token T again to pick the purchase up: it never buys twice.',
  '  --yes                 Do not ask before buying, changing or deleting (needed without a terminal)',
  '  --poll S              Seconds between looks at the gateway while waiting (default 2)',
  '',
  'Examples:',
  '  apigw-studio gateway check --region cn-hangzhou --name orders-gw --edition professional --vpc vpc-1 \\',
  '      --subnet cn-hangzhou-j=vsw-1 --subnet cn-hangzhou-g=vsw-2 --security-group sg-1 --public-groups',
  '  apigw-studio gateway buy   ...the same flags... --maintenance 22:00Z-01:00Z --yes',
  '  apigw-studio gateway modify apigateway-cn-abc --region cn-hangzhou --edition enterprise --yes',
  '  apigw-studio gateway modify apigateway-cn-abc --region cn-hangzhou --maintenance 02:00Z-04:00Z --yes',
  'Exit status: 0 done, 1 refused or failed (the findings or the cloud\'s answer say why), 2 usage error. See docs/gateways.md.',
];
