import { describe, expect, it } from 'vitest';
import { makeProject, messagesAt, onlyProblem } from '../test-fixtures';
import { renameGroup } from '../rename';

describe('references', () => {
  it("requires the local gateway's default group to be a group of the project, and follows the group's rename", () => {
    const project = makeProject();
    project.localGateway = { defaultGroup: 'demo_hello' };
    expect(messagesAt(project, ['localGateway', 'defaultGroup'])).toEqual([
      "The local gateway's default group `demo_hello` does not exist, so 127.0.0.1 answers no group of several. Known groups: demo_hello_api.",
    ]);
    project.localGateway = { defaultGroup: 'demo_hello_api' };
    expect(messagesAt(project, ['localGateway', 'defaultGroup'])).toEqual([]);
    expect(renameGroup(project, 'demo_hello_api', 'hello_api').localGateway).toEqual({ defaultGroup: 'hello_api' });
  });

  it('names the known groups when an API references a missing one', () => {
    const project = makeProject();
    project.apis[0].group = 'demo-helo-api';
    expect(messagesAt(project, ['apis', 0, 'group'])).toEqual([
      'API `hello` references group `demo-helo-api`, which does not exist. Known groups: demo_hello_api.',
    ]);
  });

  it('requires a deployment to name an existing API', () => {
    const project = makeProject();
    project.apis.splice(0, 1);
    // The fixture's other lists point at hello too; only the deployment message is checked here.
    expect(messagesAt(project, ['deployments', 0, 'api'])).toEqual([
      'The TEST deployment of `hello` references API `hello` in group `demo_hello_api`, which does not exist. Known APIs in `demo_hello_api`: get_user, echo_message.',
    ]);
  });

  it('requires a deployed definition to match its deployment entry', () => {
    const project = makeProject();
    const definition = project.deployments[0].history[0].definition;
    if (!definition) throw new Error('fixture changed');
    definition.name = 'hello-old';
    expect(onlyProblem(project)).toMatchObject({
      path: ['deployments', 0, 'history', 0, 'definition', 'name'],
      message: expect.stringContaining('holds API `hello-old`, but the deployment is for API `hello`'),
    });
  });

  it('requires throttling bindings to name an existing API', () => {
    const project = makeProject();
    project.throttlingPolicies[0].bindings[0].api = 'helo';
    expect(onlyProblem(project)).toMatchObject({
      path: ['throttlingPolicies', 0, 'bindings', 0, 'api'],
      message: expect.stringContaining('A binding of throttling policy `demo_low_qps` references API `helo`'),
    });
  });

  it('refuses a second policy on one API and stage', () => {
    const project = makeProject();
    project.throttlingPolicies.push({ name: 'demo_high_qps', unit: 'SECOND', apiDefault: 1000, specials: [], bindings: [{ group: 'demo_hello_api', api: 'hello', stage: 'TEST' }] });
    expect(onlyProblem(project)).toMatchObject({
      path: ['throttlingPolicies', 1, 'bindings', 0],
      message: expect.stringContaining('is already bound to throttling policy `demo_low_qps`'),
    });
  });

  it('requires an APP special to name an existing app', () => {
    const project = makeProject();
    project.throttlingPolicies[0].specials[0].key = 'no-such-app';
    expect(onlyProblem(project)).toMatchObject({
      path: ['throttlingPolicies', 0, 'specials', 0, 'key'],
      message: expect.stringContaining('references app `no-such-app`, which does not exist. Known apps: demo_caller_app.'),
    });
  });

  it('requires an authorization to name an existing app', () => {
    const project = makeProject();
    project.authorizations[0].app = 'demo-caller';
    expect(onlyProblem(project)).toMatchObject({ path: ['authorizations', 0, 'app'], message: expect.stringContaining('references app `demo-caller`') });
  });

  it('refuses an authorization on an ANONYMOUS API', () => {
    const project = makeProject();
    project.authorizations.push({ app: 'demo_caller_app', group: 'demo_hello_api', api: 'hello', stage: 'TEST' });
    expect(onlyProblem(project)).toMatchObject({ path: ['authorizations', 1, 'api'], message: expect.stringContaining('authorizations only apply to APP APIs') });
  });

  it('refuses a duplicate authorization', () => {
    const project = makeProject();
    project.authorizations.push({ ...project.authorizations[0] });
    expect(onlyProblem(project)).toMatchObject({ path: ['authorizations', 1], message: expect.stringContaining('twice (first at authorizations[0])') });
  });

  it('requires expiresAt to be an ISO 8601 date-time', () => {
    const project = makeProject();
    project.authorizations[0].expiresAt = '2030-02-30T00:00:00Z';
    expect(onlyProblem(project)).toMatchObject({ path: ['authorizations', 0, 'expiresAt'], message: expect.stringContaining('`2030-02-30T00:00:00Z` is not an ISO 8601 date-time') });
  });

  it('requires plug-in bindings to name an existing API', () => {
    const project = makeProject();
    project.plugins[1].bindings[0].group = 'nope';
    expect(onlyProblem(project)).toMatchObject({ path: ['plugins', 1, 'bindings', 0, 'group'], message: expect.stringContaining('A binding of plug-in `demo_web_cors` references group `nope`') });
  });

  it('refuses two plug-ins of one type on one API and stage', () => {
    const project = makeProject();
    const cors = { allowOrigins: ['*'], allowMethods: ['GET'], allowHeaders: [], exposeHeaders: [], allowCredentials: false, maxAge: 0 };
    project.plugins.push({ name: 'other_cors', type: 'cors', cors, bindings: [{ group: 'demo_hello_api', api: 'hello', stage: 'TEST' }] });
    expect(onlyProblem(project)).toMatchObject({ path: ['plugins', 2, 'bindings', 0], message: expect.stringContaining('already has cors plug-in `demo_web_cors`') });
  });

  it('requires an IP control item app to exist', () => {
    const project = makeProject();
    const plugin = project.plugins[0];
    if (plugin.type !== 'ipControl') throw new Error('fixture changed');
    plugin.ipControl.items[1].app = 'ghost-app';
    expect(onlyProblem(project)).toMatchObject({ path: ['plugins', 0, 'ipControl', 'items', 1, 'app'], message: expect.stringContaining('references app `ghost-app`') });
  });
});
