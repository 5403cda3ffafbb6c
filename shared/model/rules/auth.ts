/** Auth rules of one API (docs/alibaba-openapi.md, "APIs": AllowSignatureMethod). */
import { q, reportAt } from './report';
import type { ApiRule } from './report';

export const checkSignatureMethods: ApiRule = (site, report) => {
  const { auth } = site.api;
  if (auth.type !== 'APP') return;
  const seen = new Set<string>();
  auth.signatureMethods.forEach((method, i) => {
    if (seen.has(method)) {
      reportAt(site, report, ['auth', 'signatureMethods', i], `Signature method ${q(method)} is listed twice. List each method once.`);
    }
    seen.add(method);
  });
};
