/**
 * Builds the `deployments:` section of examples/petstore.apigw.yaml by replaying the pet store's
 * release story with shared/model/stages.ts, so the example's history is exactly what the app
 * itself records (versions, rollbackOf, abolish records, full snapshots).
 *
 *   node --import tsx scripts/build-petstore-deployments.ts           prints the section
 *   node --import tsx scripts/build-petstore-deployments.ts --write   replaces it in the file
 *
 * Snapshots are copies of the working copies as written (defaults left out), so they read like
 * the APIs above them. Older versions are the working copy with one edit undone (`edit`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, isScalar, parse, Scalar, visit } from 'yaml';
import type { YAMLSeq } from 'yaml';
import type { Api, Project, Stage } from '../shared/model/schema';
import { STAGES } from '../shared/model/schema';
import { abolishApi, deployApi, rollbackApi } from '../shared/model/stages';

const FILE = fileURLToPath(new URL('../examples/petstore.apigw.yaml', import.meta.url));
const BEGIN = '# BEGIN deployments';
const END = '# END deployments';

type Step =
  | { op: 'deploy'; api: string; stage: Stage; at: string; description: string; edit?: (api: Api) => Api }
  | { op: 'rollback'; api: string; stage: Stage; at: string; description: string; version: number }
  | { op: 'abolish'; api: string; stage: Stage; at: string; description: string };

/** The API as it was before `name` was added: the parameter and its backend mapping removed. */
const withoutParameter = (name: string) => (api: Api): Api => ({
  ...api,
  parameters: api.parameters.filter((p) => p.name !== name),
  ...(api.serviceParameters && { serviceParameters: api.serviceParameters.filter((s) => s.requestParameter !== name) }),
});

const noSort = withoutParameter('sort');
const noFields = withoutParameter('X-Pet-Fields');
const noGiftWrap = withoutParameter('giftWrap');

const deployAll = (stage: Stage, at: string, description: string, apis: string[], edits: Record<string, (api: Api) => Api> = {}): Step[] =>
  apis.map((api) => ({ op: 'deploy', api, stage, at, description, edit: edits[api] }));

/** The pet store's history, oldest first. */
const STORY: Step[] = [
  { op: 'deploy', api: 'legacy_catalog', stage: 'TEST', at: '2026-07-20T10:00:00.000Z', description: 'The retired v0 catalogue answers 410 Gone.' },
  ...deployAll('RELEASE', '2026-08-03T10:00:00.000Z', 'Catalogue goes live.',
    ['list_pets', 'get_pet', 'list_categories', 'catalog_health', 'legacy_catalog'],
    { list_pets: noSort, get_pet: noFields }),
  ...deployAll('RELEASE', '2026-09-14T08:00:00.000Z', 'Orders and accounts go live.',
    ['create_pet', 'delete_pet', 'place_order', 'get_order', 'list_orders', 'get_inventory', 'orders_report', 'register_user', 'login', 'get_profile'],
    { place_order: noGiftWrap }),
  { op: 'deploy', api: 'list_pets', stage: 'RELEASE', at: '2026-10-05T09:30:00.000Z', description: 'Sorting with ?sort=field:asc|desc.' },
  { op: 'deploy', api: 'get_pet', stage: 'RELEASE', at: '2026-10-05T09:30:00.000Z', description: 'Callers may ask for fewer fields with X-Pet-Fields.' },
  { op: 'rollback', api: 'get_pet', stage: 'RELEASE', at: '2026-10-05T11:10:00.000Z', version: 1, description: 'The backend rejects ?fields=; back to version 1 until it is fixed.' },
  ...deployAll('PRE', '2026-10-20T09:00:00.000Z', 'Pre-release check of the order flow.',
    ['get_pet', 'place_order', 'get_order', 'payment_webhook', 'pet_sitemap'],
    { place_order: noGiftWrap }),
  { op: 'abolish', api: 'pet_sitemap', stage: 'PRE', at: '2026-11-02T15:00:00.000Z', description: 'Crawlers never reach PRE; taken off.' },
  ...deployAll('TEST', '2026-11-10T09:00:00.000Z', 'Back-office and order APIs for the integration tests.',
    ['list_pets', 'search_pets', 'get_pet', 'create_pet', 'update_pet', 'patch_pet_status', 'upload_pet_photo', 'get_pet_photo',
      'pet_exists', 'place_order', 'cancel_order', 'order_receipt', 'payment_webhook', 'logout'],
    { place_order: noGiftWrap }),
  { op: 'abolish', api: 'legacy_catalog', stage: 'TEST', at: '2026-11-12T09:00:00.000Z', description: 'No v0 client is left in TEST.' },
  { op: 'deploy', api: 'place_order', stage: 'TEST', at: '2026-11-16T09:00:00.000Z', description: 'Gift wrapping (giftWrap form field).' },
];

/** Extra words above a deployment, for the histories worth explaining. */
const NOTES: Record<string, string> = {
  'get_pet RELEASE': 'v2 was rolled back (v3 = copy of v1): RELEASE serves the API without X-Pet-Fields.',
  'list_pets RELEASE': 'two versions: v2 added the sort parameter.',
  'place_order TEST': 'v2 adds giftWrap; PRE and RELEASE still serve the version without it.',
  'pet_sitemap PRE': 'abolished: the last record has no definition, so PRE does not serve it.',
  'legacy_catalog TEST': 'abolished in TEST; RELEASE still answers 410.',
};

export function replayStory(project: Project): Project {
  const groupOf = new Map(project.apis.map((api) => [api.name, api.group]));
  let current: Project = { ...project, deployments: [] };
  for (const step of STORY) {
    const group = groupOf.get(step.api);
    if (!group) throw new Error(`The story names API ${step.api}, which is not in ${FILE}. Fix STORY in this script.`);
    const ref = { group, api: step.api };
    const change = { at: step.at, description: step.description };
    if (step.op === 'rollback') current = rollbackApi(current, ref, step.stage, step.version, change);
    else if (step.op === 'abolish') current = abolishApi(current, ref, step.stage, change);
    else if (!step.edit) current = deployApi(current, ref, step.stage, change);
    else {
      // Deploy an older state of the API, then put the working copy back.
      const apis = current.apis;
      const older = apis.map((api) => (api.name === step.api && api.group === group ? step.edit!(api) : api));
      current = { ...deployApi({ ...current, apis: older }, ref, step.stage, change), apis };
    }
  }
  const order = (group: string, api: string, stage: Stage) =>
    project.apis.findIndex((a) => a.group === group && a.name === api) * STAGES.length + STAGES.indexOf(stage);
  const deployments = [...current.deployments].sort((a, b) => order(a.group, a.api, a.stage) - order(b.group, b.api, b.stage));
  return { ...current, deployments };
}

/** The section's YAML text: a top-level `deployments:` key with one comment per (API, stage). */
export function deploymentsYaml(project: Project): string {
  const doc = new Document({ deployments: project.deployments });
  visit(doc, {
    Pair(_, pair) {
      // Quoted, so YAML 1.1 tools do not turn the times into dates.
      if (isScalar(pair.key) && ['at', 'expiresAt'].includes(String(pair.key.value)) && isScalar(pair.value)) {
        pair.value.type = Scalar.QUOTE_DOUBLE;
      }
    },
    // Short lists of plain values (enum, protocols, signatureMethods) on one line, as written above.
    Seq(_, seq) {
      if (seq.items.length > 0 && seq.items.every(isScalar)) seq.flow = true;
    },
  });
  const items = (doc.get('deployments', true) as YAMLSeq).items as { commentBefore?: string | null; spaceBefore?: boolean }[];
  project.deployments.forEach((d, i) => {
    const note = NOTES[`${d.api} ${d.stage}`];
    items[i].commentBefore = ` ${d.api} in ${d.stage}${note ? `: ${note}` : ''}`;
    items[i].spaceBefore = i > 0;
  });
  return doc.toString({ lineWidth: 0, singleQuote: true, flowCollectionPadding: false });
}

function main(): void {
  const text = readFileSync(FILE, 'utf8');
  const section = deploymentsYaml(replayStory(parse(text) as Project));
  if (!process.argv.includes('--write')) {
    process.stdout.write(section);
    return;
  }
  const start = text.indexOf(`${BEGIN}\n`);
  const end = text.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`${FILE} has no "${BEGIN}" ... "${END}" lines to replace; add them around deployments.`);
  // The blank line before END is where the project saver puts a trailing comment, so saves do not move it.
  writeFileSync(FILE, `${text.slice(0, start + BEGIN.length + 1)}${section}\n${text.slice(end)}`);
  console.log(`Wrote ${countDeployments(section)} deployments to ${FILE}.`);
}

function countDeployments(section: string): number {
  return (section.match(/^ {2}- group:/gm) ?? []).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
