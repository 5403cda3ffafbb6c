/**
 * The cloud profile dialog's form: what is typed, what is wrong with it (field by field), and the
 * request it becomes. The rules for name, region and endpoint are the contract's own schema, so
 * the dialog refuses exactly what the host would.
 */
import { CLEARTEXT_ENDPOINT_MESSAGE, sameEndpoint } from '../../../shared/ipc/cloud-endpoint';
import type { CloudProfileInput, CloudProfileView } from '../../../shared/ipc/cloud-views';
import { CALLS } from '../../../shared/ipc/contract';

/** Offered before a connection test has listed the cloud's own regions. */
export const COMMON_REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1'];

export interface ProfileForm {
  name: string;
  region: string;
  /** Empty: Alibaba Cloud's own endpoint. */
  endpoint: string;
  accessKeyId: string;
  /** Empty while editing: keep the saved secret. */
  accessKeySecret: string;
}

export type ProfileField = keyof ProfileForm;
export type ProfileProblems = Partial<Record<ProfileField, string>>;

export interface ProfileFormContext {
  /** The saved profile being edited; absent for a new one. */
  editing?: CloudProfileView;
  /** Names of the saved profiles (a new name must not be one of them). */
  taken: string[];
}

const PROFILE_INPUT = CALLS['agw:cloud.saveProfile'].request;

export function emptyProfileForm(): ProfileForm {
  return { name: '', region: '', endpoint: '', accessKeyId: '', accessKeySecret: '' };
}

/**
 * The form to edit a saved profile. The host shows the AccessKeyId only masked, so it must be
 * typed again: saving the masked text would replace the real one.
 */
export function profileFormOf(profile: CloudProfileView): ProfileForm {
  return { name: profile.name, region: profile.region, endpoint: profile.endpoint ?? '', accessKeyId: '', accessKeySecret: '' };
}

/** What Save sends: trimmed; an empty endpoint left out; when editing, an empty key or secret left out (the saved one stays). */
export function profileInputOf(form: ProfileForm, previousName?: string): CloudProfileInput {
  const endpoint = form.endpoint.trim();
  const accessKeyId = form.accessKeyId.trim();
  return {
    name: form.name.trim(),
    ...(previousName !== undefined ? { previousName } : {}),
    region: form.region.trim(),
    ...(endpoint ? { endpoint } : {}),
    ...(accessKeyId !== '' || previousName === undefined ? { accessKeyId } : {}),
    ...(form.accessKeySecret !== '' ? { accessKeySecret: form.accessKeySecret } : {}),
  };
}

/** Every problem of the form, by field; empty when Save may go ahead. */
export function profileProblems(form: ProfileForm, context: ProfileFormContext): ProfileProblems {
  const problems: ProfileProblems = {};
  const input = profileInputOf(form, context.editing?.name);
  const parsed = PROFILE_INPUT.safeParse([input]);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[1];
      if (isField(field) && problems[field] === undefined) problems[field] = issue.message;
    }
  }
  if (input.name === '') problems.name = 'Type a name for the profile, e.g. prod-hangzhou.';
  else if (input.name !== context.editing?.name && context.taken.includes(input.name)) problems.name = `A profile "${input.name}" exists already; choose another name.`;
  if (input.region === '') problems.region = 'Choose or type a region, e.g. cn-hangzhou.';
  // The contract's own sentence for http:// to another computer; one plain sentence for any other malformed URL.
  if (problems.endpoint !== undefined && problems.endpoint !== CLEARTEXT_ENDPOINT_MESSAGE) {
    problems.endpoint = 'Type a full URL starting with https://, or leave it empty for Alibaba Cloud (http:// only for a local emulator on 127.0.0.1).';
  }
  if (input.accessKeyId === '' && !context.editing) problems.accessKeyId = 'Type the AccessKeyId (it usually starts with LTAI).';
  else if (problems.accessKeyId !== undefined) problems.accessKeyId = 'An AccessKeyId is at most 128 characters.';

  if (form.accessKeySecret === '' && !context.editing) problems.accessKeySecret = 'Type the AccessKeySecret that goes with this AccessKeyId.';
  else if (problems.accessKeySecret !== undefined) problems.accessKeySecret = 'An AccessKeySecret is at most 256 characters.';
  return problems;
}

/**
 * Whether a saved profile's endpoint was edited: the host sends a saved secret only to the endpoint
 * it was saved for, so the secret must then be typed again.
 */
export function endpointChanged(form: ProfileForm, context: ProfileFormContext): boolean {
  return context.editing !== undefined && !sameEndpoint(context.editing.endpoint, form.endpoint);
}

/** The problems that stop a connection test: the name plays no part in it. */
export function testProblems(form: ProfileForm, context: ProfileFormContext): ProfileProblems {
  const problems = profileProblems(form, context);
  delete problems.name;
  return problems;
}

/**
 * The draft a connection test sends. While editing, `previousName` lets the host use the saved
 * secret when none is typed; a name is sent only when valid, as the host's schema checks it.
 */
export function testDraftOf(form: ProfileForm, context: ProfileFormContext): Partial<CloudProfileInput> & Pick<CloudProfileInput, 'region'> {
  const { name, ...input } = profileInputOf(form, context.editing?.name);
  const nameOk = profileProblems(form, context).name === undefined;
  return { ...input, ...(nameOk ? { name } : {}) };
}

function isField(key: unknown): key is ProfileField {
  return key === 'name' || key === 'region' || key === 'endpoint' || key === 'accessKeyId' || key === 'accessKeySecret';
}
