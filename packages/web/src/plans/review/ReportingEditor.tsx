import { ActionIcon, Button, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ReportingDeadline, ReportingKind } from '@tre/core/plans/plan-format';
import type { Dispatch } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ReviewAction } from './reviewState.ts';

const KINDS: ReportingKind[] = ['semiannual', 'annual', 'quarterly', 'monthly', 'final', 'other'];
const DUE = /^(\d{4}-)?\d{2}-\d{2}$/;

export function ReportingEditor({ reporting, dispatch }: { reporting: ReportingDeadline[]; dispatch: Dispatch<ReviewAction> }) {
  const { t } = useI18n();
  return (
    <Stack gap="xs">
      {reporting.map((r, index) => {
        const set = (patch: Partial<ReportingDeadline>) => dispatch({ type: 'report', index, patch });
        return (
          <Paper key={index} withBorder p="xs" data-testid="report-editor">
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
              <Select
                label={t('planReportKind')}
                data={KINDS.map((k) => ({ value: k, label: t(`report_${k}`) }))}
                value={r.kind}
                allowDeselect={false}
                onChange={(v) => v && set({ kind: v })}
              />
              <TextInput
                label={t('planReportDue')}
                value={r.due}
                error={!DUE.test(r.due)}
                onChange={(e) => set({ due: e.currentTarget.value })}
              />
              <TextInput
                label={t('planReportRecipient')}
                value={r.recipient ?? ''}
                onChange={(e) => set({ recipient: e.currentTarget.value || null })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('planRemove')}
                onClick={() => dispatch({ type: 'removeReport', index })}
              >
                ✕
              </ActionIcon>
            </SimpleGrid>
            {r.text && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('planReportText')}: {r.text}
              </Text>
            )}
          </Paper>
        );
      })}
      <Button size="compact-sm" variant="light" onClick={() => dispatch({ type: 'addReport' })} w="fit-content">
        {t('planAddReport')}
      </Button>
    </Stack>
  );
}
