import { Alert, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { CHILD_FIELDS, type ChildField } from '@tre/core';
import { useI18n } from '../i18n/i18n.tsx';
import { TableHead } from '../ui/TableHead.tsx';
import { FIELD_LABELS, REQUIRED_FIELDS } from './labels.ts';
import { columnLetter, mappingProblems, sampleText, type Mapping } from './mapping.ts';

const isField = (v: string): v is ChildField => (CHILD_FIELDS as readonly string[]).includes(v);

/** The mapping step: each column of the file, its header and next value, and the field it goes to. */
export function ColumnMapping({
  headerRow,
  headers,
  sample,
  mapping,
  onChange,
}: {
  /** 1-based row of the file the headers are on */
  headerRow: number;
  headers: readonly string[];
  sample: readonly string[];
  mapping: Mapping;
  onChange: (m: Mapping) => void;
}) {
  const { t, lang } = useI18n();
  const problems = mappingProblems(mapping);
  const words = (fields: readonly ChildField[]) => fields.map((f) => `"${FIELD_LABELS[f][lang]}"`).join(', ');
  const options = [
    { value: '', label: t('chdMapIgnore') },
    ...CHILD_FIELDS.map((f) => ({
      value: f,
      label: REQUIRED_FIELDS.includes(f) ? `${FIELD_LABELS[f][lang]} (${t('chdRequired')})` : FIELD_LABELS[f][lang],
    })),
  ];
  return (
    <Stack gap="xs" data-testid="column-mapping">
      <Title order={3}>{t('chdMapTitle')}</Title>
      <Text size="sm">{t('chdMapHint')}</Text>
      <Text size="sm" c="dimmed">
        {t('chdMapHeaderRow', { n: headerRow })}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder>
          <TableHead labels={[t('chdMapColumn'), t('chdMapHeader'), t('chdMapSample'), t('chdMapField')]} />
          <Table.Tbody>
            {headers.map((h, i) => {
              const header = h.trim() || t('chdMapEmptyHeader');
              const field = mapping[i] ?? null;
              return (
                <Table.Tr key={i} data-testid="mapping-row">
                  <Table.Td ff="monospace">{columnLetter(i)}</Table.Td>
                  <Table.Td>{header}</Table.Td>
                  <Table.Td maw={240}>
                    <Text size="sm" c="dimmed" truncate="end">
                      {sampleText(sample[i] ?? '', field)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('chdMapFieldLabel', { col: columnLetter(i), header })}
                      data={options}
                      value={field ?? ''}
                      error={field !== null && problems.repeated.includes(field)}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        const next = [...mapping];
                        next[i] = isField(v) ? v : null;
                        onChange(next);
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.missing.length > 0 && (
        <Alert color="orange" role="alert" data-testid="mapping-missing">
          {t('chdMapMissing', { fields: words(problems.missing) })}
        </Alert>
      )}
      {problems.repeated.length > 0 && (
        <Alert color="orange" role="alert" data-testid="mapping-repeated">
          {t('chdMapRepeated', { fields: words(problems.repeated) })}
        </Alert>
      )}
    </Stack>
  );
}
