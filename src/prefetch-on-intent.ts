// Docusaurus prefetches the code of every route whose link scrolls into view. A page of the
// handbook shows dozens of links (sidebar, table of contents, rule links), so that work keeps the
// main thread busy while the reader starts to read. Links still load their route on hover or
// touch (`preload`), before the click.
interface DocusaurusClientApi {
  prefetch: (routePath: string) => false | Promise<void[]>;
  preload: (routePath: string) => false | Promise<void[]>;
}

function withoutViewportPrefetch(api: DocusaurusClientApi): DocusaurusClientApi {
  return { ...api, prefetch: () => false };
}

if (typeof window !== 'undefined') {
  const global = window as unknown as { docusaurus?: DocusaurusClientApi };
  let api = global.docusaurus && withoutViewportPrefetch(global.docusaurus);
  Object.defineProperty(global, 'docusaurus', {
    configurable: true,
    get: () => api,
    set: (value: DocusaurusClientApi) => {
      api = withoutViewportPrefetch(value);
    },
  });
}
