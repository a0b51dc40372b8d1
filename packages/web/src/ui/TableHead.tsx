import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table's header row from its column labels (an empty label for a column of buttons). */
export function TableHead({ labels }: { labels: ReactNode[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label, i) => (
          <Table.Th key={i}>{label}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
