import { useEffect, useState } from 'react';
import { Inspector } from '../components/Inspector';
import { MessagesPanel } from '../components/MessagesPanel';
import { MetricsPanel } from '../components/MetricsPanel';
import { TabbedPanel } from '../components/TabbedPanel';
import { useAppStore } from '../store';
import { selectSelection } from '../store/run-view';

type ResultsTab = 'inspector' | 'messages' | 'metrics';

/** The inspector and the run's metrics as tabs; selecting something brings the inspector forward. */
export function ResultsArea() {
  const [tab, setTab] = useState<ResultsTab>('inspector');
  const selection = useAppStore(selectSelection);

  useEffect(() => {
    if (selection) setTab('inspector');
  }, [selection]);

  return (
    <TabbedPanel<ResultsTab>
      label="Results"
      className="h-full"
      active={tab}
      onSelect={setTab}
      tabs={[
        { id: 'inspector', label: 'Inspector', content: <Inspector /> },
        { id: 'messages', label: 'Messages', content: <MessagesPanel /> },
        { id: 'metrics', label: 'Metrics', content: <MetricsPanel /> },
      ]}
    />
  );
}
