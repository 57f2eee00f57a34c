import React from 'react';
import DocCardList from '@theme/DocCardList';
import { useDocsSidebar } from '@docusaurus/plugin-content-docs/client';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { PropSidebarItem, PropSidebarItemLink } from '@docusaurus/plugin-content-docs';

function linksUnder(items: PropSidebarItem[], pathPrefix: string): PropSidebarItemLink[] {
  return items.flatMap((item) => {
    if (item.type === 'category') return linksUnder(item.items, pathPrefix);
    return item.type === 'link' && item.href.startsWith(pathPrefix) ? [item] : [];
  });
}

export interface DocCardsProps {
  /** URL path the pages live under, e.g. `/docs/migrations/operations/` (the site's base URL is added). */
  pathPrefix: string;
}

/**
 * Cards for the sidebar's pages under `pathPrefix`, in sidebar order, so that a page added to that
 * folder shows up here without editing this page. Fails the build when there is none.
 */
export default function DocCards({ pathPrefix }: DocCardsProps): React.JSX.Element {
  const prefix = useBaseUrl(pathPrefix);
  const links = linksUnder(useDocsSidebar()?.items ?? [], prefix);
  if (links.length === 0) throw new Error(`<DocCards>: no page of this sidebar under ${prefix}`);
  return <DocCardList items={links} />;
}
