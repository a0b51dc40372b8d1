import { Alert, Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import type { BodyCandidate, BodyGroup, BodyResolution } from '@tre/core/plans/plan-api';
import { useState } from 'react';
import type { Agency } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { BodyResolutionSelect } from './BodyResolutionSelect.tsx';
import { usePlanLabels } from './labels.ts';
import { TableHead } from '../ui/TableHead.tsx';

export interface BodyRow {
  name: string;
  count: number;
  resolution: BodyResolution;
  candidates: BodyCandidate[];
  suggestedGroup?: BodyGroup | undefined;
}

interface Props {
  rows: BodyRow[];
  agencies: Agency[];
  /** absent: read-only (users who may not change the plan) */
  onResolve?: (name: string, resolution: BodyResolution) => void;
}

/**
 * Each distinct body name of a plan and what it means in Tre. Unresolved names are counted and
 * tinted so the reviewer sees at once what is left; candidates are one click away.
 */
export function BodiesTable({ rows, agencies, onResolve }: Props) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const [onlyUnresolved, setOnlyUnresolved] = useState(false);
  const unresolved = rows.filter((r) => r.resolution.kind === 'unresolved').length;
  const shown = onlyUnresolved ? rows.filter((r) => r.resolution.kind === 'unresolved') : rows;
  return (
    <>
      <Group justify="space-between">
        {unresolved > 0 ? (
          <Alert color="orange" py={6} data-testid="unresolved-count">
            {t('planBodiesUnresolved', { n: unresolved })}
          </Alert>
        ) : (
          <Text c="teal" size="sm">
            {t('planBodiesAllResolved')}
          </Text>
        )}
        <Checkbox
          label={t('planOnlyUnresolved')}
          checked={onlyUnresolved}
          onChange={(e) => setOnlyUnresolved(e.currentTarget.checked)}
        />
      </Group>
      <Table data-testid="bodies-table" verticalSpacing={4}>
        <TableHead labels={[t('planBodyName'), t('planBodyUsage'), t('planBodyResolution')]} />
        <Table.Tbody>
          {shown.map((row) => {
            const open = row.resolution.kind === 'unresolved';
            return (
              <Table.Tr key={row.name} bg={open ? 'var(--mantine-color-orange-0)' : undefined} data-body={row.name}>
                <Table.Td>
                  <Text size="sm" fw={open ? 600 : undefined} c={open ? 'orange.9' : undefined}>
                    {row.name}
                  </Text>
                </Table.Td>
                <Table.Td>{row.count}</Table.Td>
                <Table.Td>
                  {onResolve ? (
                    <BodyResolutionSelect
                      name={row.name}
                      value={row.resolution}
                      agencies={agencies}
                      onChange={(r) => onResolve(row.name, r)}
                    />
                  ) : (
                    <Badge variant="light" color={open ? 'orange' : 'gray'}>
                      {labels.resolution(row.resolution, agencies)}
                    </Badge>
                  )}
                  {onResolve && open && (row.candidates.length > 0 || row.suggestedGroup) && (
                    <Group gap={4} mt={4}>
                      <Text size="xs" c="dimmed">
                        {t('planBodyCandidates')}:
                      </Text>
                      {row.candidates.map((c) => (
                        <Button
                          key={c.agencyId}
                          size="compact-xs"
                          variant="light"
                          title={c.matched}
                          onClick={() => onResolve(row.name, { kind: 'agency', agencyId: c.agencyId })}
                        >
                          {c.shortName}
                        </Button>
                      ))}
                      {row.suggestedGroup && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          color="grape"
                          onClick={() => row.suggestedGroup && onResolve(row.name, { kind: 'group', group: row.suggestedGroup })}
                        >
                          {t(`group_${row.suggestedGroup}`)}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
