/**
 * The one-click address of the `/dashboard` page for an organisation's admin: the page
 * reads `#org=…&token=…`, keeps both in the tab's sessionStorage, removes the fragment
 * and shows today's report. The credentials travel in the fragment because browsers
 * never send it to the server, so the token stays out of access logs and proxies.
 *
 * @param baseUrl where the server listens, e.g. `http://127.0.0.1:8787` (a trailing slash is fine)
 * @example dashboardLink('http://127.0.0.1:8787', { orgId: 'org_1', adminToken: 's3cret' })
 * // 'http://127.0.0.1:8787/dashboard#org=org_1&token=s3cret'
 */
export function dashboardLink(baseUrl: string, credentials: { orgId: string; adminToken: string }): string {
  const fragment = new URLSearchParams({ org: credentials.orgId, token: credentials.adminToken });
  return `${baseUrl.replace(/\/+$/, '')}/dashboard#${fragment}`;
}
