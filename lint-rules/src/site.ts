/** Where the handbook and the rule pages are published. */
export const SITE_URL = 'https://live-upgrade.dev';

export function ruleDocsUrl(ruleId: string): string {
  return `${SITE_URL}/rules/${ruleId}`;
}
