import React from 'react';
import Tabs from '@theme-original/Tabs';
import type TabsType from '@theme/Tabs';
import type { WrapperProps } from '@docusaurus/types';

type Props = WrapperProps<typeof TabsType>;

/**
 * Tool tabs render the chosen tool's code only. Docusaurus remounts every tab set after hydration,
 * so each hidden tab's highlighted code blocks would otherwise be rendered twice on load for nothing.
 */
export default function TabsWrapper(props: Props): React.JSX.Element {
  return <Tabs lazy {...props} />;
}
