import React from 'react';
import DocCardList from '@theme/DocCardList';
import { useDocsSidebar } from '@docusaurus/plugin-content-docs/client';
import type { PropSidebarItem, PropSidebarItemLink } from '@docusaurus/plugin-content-docs';

function linksUnder(items: PropSidebarItem[], pathPrefix: string): PropSidebarItemLink[] {
  return items.flatMap((item) => {
    if (item.type === 'category') return linksUnder(item.items, pathPrefix);
    return item.type === 'link' && item.href.startsWith(pathPrefix) ? [item] : [];
  });
}

export interface DocCardsProps {
  /** URL path the pages live under, e.g. `/docs/migrations/operations/`. */
  pathPrefix: string;
}

/**
 * Cards for the sidebar's pages under `pathPrefix`, in sidebar order, so that a page added to that
 * folder shows up here without editing this page. Fails the build when there is none.
 */
export default function DocCards({ pathPrefix }: DocCardsProps): React.JSX.Element {
  const links = linksUnder(useDocsSidebar()?.items ?? [], pathPrefix);
  if (links.length === 0) throw new Error(`<DocCards>: no page of this sidebar under ${pathPrefix}`);
  return <DocCardList items={links} />;
}
