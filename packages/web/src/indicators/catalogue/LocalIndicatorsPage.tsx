import {
  ActionIcon,
  Alert,
  Button,
  Group,
  List,
  Loader,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { MeasureUnit } from '@tre/core/indicators/catalogue-schema';
import type { CatalogueReply, LocalIndicatorDeleteReply } from '@tre/core/indicators/indicator-api';
import { useMemo, useState } from 'react';
import { useSession } from '../../session/session.tsx';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useRead } from '../../api/useApi.ts';
import { FormActions } from '../../ui/FormActions.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import {
  MEASURE_UNITS,
  UNIT_FACTOR,
  buildLocalIndicatorRequest,
  emptyForm,
  emptyMeasure,
  formFieldOf,
  type ElementChoice,
  type FormErrors,
  type LocalIndicatorForm,
  type MeasureForm,
  type Side,
} from './localIndicatorForm.ts';
import { indicatorsPermissions } from '@tre/core';
import { can } from '../../session/can.ts';
import { unitsReads } from '../../units/api.ts';
import { catalogueApi, catalogueReads, type StoredIndicator } from './api.ts';
import { TableHead } from '../../ui/TableHead.tsx';
import { foldFilter } from '../../ui/foldFilter.ts';

const UNIT_LABEL: Record<MeasureUnit, MessageKey> = { '%': 'unit_percent', per1000: 'unit_per1000', per100000: 'unit_per100000' };

/** `/admin/indicators`: the province's own indicators, added and deleted by the administrator. */
export default function LocalIndicatorsPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const mayEdit = can(user, indicatorsPermissions, 'catalogue.edit');
  const catalogue = useRead(mayEdit ? catalogueReads.catalogue() : null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<StoredIndicator | null>(null);

  if (!mayEdit) return <Alert color="gray">{t('importNoAccess')}</Alert>;
  const cat = catalogue.data;
  const local = cat?.indicators.filter((i) => i.origin === 'local') ?? [];
  const elementName = (code: string) => cat?.dataElements.find((e) => e.code === code)?.name[lang] ?? code;
  const used = new Set(cat?.indicators.flatMap((i) => i.measures.flatMap((m) => [m.numerator, m.denominator])) ?? []);
  // kept by a deletion because they hold figures: still on the entry forms, reusable in a new indicator
  const orphans = cat?.dataElements.filter((e) => e.origin === 'local' && !used.has(e.code)) ?? [];

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('localTitle')}</Title>
        {cat && !adding && (
          <Button onClick={() => setAdding(true)} data-testid="local-add">
            {t('localAdd')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('localIntro')}
      </Text>
      {catalogue.error && (
        <Alert color="red" role="alert">
          {t('localCatalogueFailed', { message: catalogue.error })}
        </Alert>
      )}
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="local-notice">
          {notice}
        </Alert>
      )}
      {!cat && !catalogue.error && <Loader />}

      {cat && adding && (
        <AddIndicatorForm
          catalogue={cat}
          onCancel={() => setAdding(false)}
          onAdded={(code) => {
            setAdding(false);
            setNotice(t('localAdded', { code }));
            catalogue.reload();
          }}
        />
      )}

      {cat &&
        (local.length === 0 ? (
          <Text c="dimmed">{t('localNone')}</Text>
        ) : (
          <Table withTableBorder verticalSpacing="sm" data-testid="local-list">
            <TableHead labels={[t('code'), t('name'), t('localColMeasures'), '']} />
            <Table.Tbody>
              {local.map((ind) => (
                <Table.Tr key={ind.code} data-testid={`local-indicator-${ind.code}`}>
                  <Table.Td ff="monospace" style={{ verticalAlign: 'top' }}>
                    {ind.code}
                    {ind.no !== null && (
                      <Text size="xs" c="dimmed">
                        {t('localIndicatorNo', { no: ind.no })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{ind.name[lang]}</Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      {ind.measures.map((m) => (
                        <div key={m.code}>
                          <Text size="sm">
                            {m.name[lang]}{' '}
                            <Text span size="xs" c="dimmed" ff="monospace">
                              {m.code}
                            </Text>
                          </Text>
                          <Text size="xs" c="dimmed">
                            {elementName(m.numerator)} / {elementName(m.denominator)} · {t(UNIT_LABEL[m.unit])} ·{' '}
                            {m.direction === 'higher' ? t('localHigher') : t('localLower')} · {m.agency}
                          </Text>
                        </div>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => setDeleting(ind)}
                      data-testid={`local-delete-${ind.code}`}
                    >
                      {t('localDelete')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}

      {orphans.length > 0 && (
        <Stack gap={4} data-testid="local-orphans">
          <Title order={4}>{t('localOrphans')}</Title>
          <Text size="sm" c="dimmed">
            {t('localOrphansHint')}
          </Text>
          <List size="sm">
            {orphans.map((e) => (
              <List.Item key={e.code}>
                {e.name[lang]}{' '}
                <Text span size="xs" c="dimmed" ff="monospace">
                  {e.code}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      {deleting && (
        <DeleteModal
          indicator={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(reply) => {
            setDeleting(null);
            setNotice(reply.message[lang]);
            catalogue.reload();
          }}
        />
      )}
    </Stack>
  );
}

function DeleteModal({
  indicator,
  onClose,
  onDeleted,
}: {
  indicator: StoredIndicator;
  onClose: () => void;
  onDeleted: (reply: LocalIndicatorDeleteReply) => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      onDeleted(await catalogueApi.deleteLocal(indicator.code));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t('localDeleteTitle', { code: indicator.code })}>
      <Stack>
        <Text size="sm" fw={500}>
          {indicator.name[lang]}
        </Text>
        <Text size="sm">{t('localDeleteText', { code: indicator.code, n: indicator.measures.length })}</Text>
        <FormActions error={error} onCancel={onClose}>
          <Button color="red" loading={busy} onClick={() => void remove()} data-testid="local-delete-confirm">
            {t('localDelete')}
          </Button>
        </FormActions>
      </Stack>
    </Modal>
  );
}

function AddIndicatorForm({
  catalogue,
  onCancel,
  onAdded,
}: {
  catalogue: CatalogueReply;
  onCancel: () => void;
  onAdded: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const agencies = useRead(unitsReads.agencies());
  const [form, setForm] = useState<LocalIndicatorForm>(emptyForm);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const clientErrors: FormErrors = useMemo(
    () => (attempted ? buildLocalIndicatorRequest(form, catalogue).errors : {}),
    [attempted, form, catalogue],
  );
  const err = (field: string): string | undefined => {
    const e = clientErrors[field];
    return e ? t(e.key, e.params) : serverErrors[field];
  };
  const update = (patch: Partial<LocalIndicatorForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setServerErrors({});
  };
  const updateMeasure = (i: number, patch: Partial<MeasureForm>) => {
    setForm((f) => ({ ...f, measures: f.measures.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
    setServerErrors({});
  };

  const agencyOptions = [...new Set((agencies.data?.items ?? []).filter((a) => a.active).map((a) => a.shortName))];
  const goalOptions = catalogue.goals.map((g) => ({ value: String(g.no), label: `${g.no}. ${g.name[lang]}` }));
  const categoryOptions = catalogue.categories.map((c) => ({ value: c.code, label: c.name[lang] }));

  const submit = async () => {
    setAttempted(true);
    setFormError(null);
    setServerErrors({});
    const built = buildLocalIndicatorRequest(form, catalogue);
    if (!built.request) {
      setFormError(t('localFixErrors'));
      return;
    }
    setBusy(true);
    try {
      await catalogueApi.addLocal(built.request);
      onAdded(built.request.indicator.code);
    } catch (e) {
      const field = e instanceof ApiError ? formFieldOf(e.field, built.elementOrigins) : null;
      if (field) {
        setServerErrors({ [field]: errorMessage(e) });
        setFormError(t('localFixErrors'));
      } else {
        setFormError(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="local-form">
      <Stack>
        <Title order={3}>{t('localAddTitle')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('localCode')}
            description={t('localCodeHint')}
            value={form.code}
            onChange={(e) => update({ code: e.currentTarget.value.toUpperCase() })}
            error={err('code')}
            required
            data-testid="local-code"
          />
          <NumberInput
            label={t('localNo')}
            value={form.no}
            onChange={(v) => update({ no: typeof v === 'number' ? v : '' })}
            allowDecimal={false}
            allowNegative={false}
            min={1}
            max={999}
            error={err('no')}
          />
          <Select
            label={t('localGoal')}
            data={goalOptions}
            value={form.goal === null ? null : String(form.goal)}
            onChange={(v) => update({ goal: v ? Number(v) : null })}
            clearable
            error={err('goal')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('localNameVi')}
            value={form.nameVi}
            onChange={(e) => update({ nameVi: e.currentTarget.value })}
            error={err('nameVi')}
            required
            data-testid="local-name-vi"
          />
          <TextInput
            label={t('localNameEn')}
            value={form.nameEn}
            onChange={(e) => update({ nameEn: e.currentTarget.value })}
            error={err('nameEn')}
          />
        </SimpleGrid>

        <Title order={4}>{t('localMeasures')}</Title>
        {err('measures') && (
          <Text size="sm" c="red">
            {err('measures')}
          </Text>
        )}
        {form.measures.map((m, i) => (
          <Paper key={i} withBorder p="sm" bg="gray.0">
            <Stack gap="sm">
              <Group justify="space-between">
                <Text fw={600}>{t('localMeasureN', { n: i + 1 })}</Text>
                {form.measures.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('localRemoveMeasure')}
                    title={t('localRemoveMeasure')}
                    onClick={() => update({ measures: form.measures.filter((_, j) => j !== i) })}
                  >
                    ✕
                  </ActionIcon>
                )}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('localMeasureCode')}
                  value={m.code}
                  onChange={(e) => updateMeasure(i, { code: e.currentTarget.value.toUpperCase() })}
                  error={err(`measures.${i}.code`)}
                  required
                  data-testid={`local-measure-code-${i}`}
                />
                <TextInput
                  label={t('localMeasureNameVi')}
                  value={m.nameVi}
                  onChange={(e) => updateMeasure(i, { nameVi: e.currentTarget.value })}
                  error={err(`measures.${i}.nameVi`)}
                  required
                  data-testid={`local-measure-name-${i}`}
                />
                <TextInput
                  label={t('localMeasureNameEn')}
                  value={m.nameEn}
                  onChange={(e) => updateMeasure(i, { nameEn: e.currentTarget.value })}
                  error={err(`measures.${i}.nameEn`)}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {(['numerator', 'denominator'] as const).map((side) => (
                  <ElementChoiceEditor
                    key={side}
                    index={i}
                    side={side}
                    choice={m[side]}
                    form={form}
                    catalogue={catalogue}
                    categoryOptions={categoryOptions}
                    err={err}
                    onChange={(choice) => updateMeasure(i, { [side]: choice })}
                  />
                ))}
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('localUnit')}
                  data={MEASURE_UNITS.map((u) => ({ value: u, label: t(UNIT_LABEL[u]) }))}
                  value={m.unit}
                  onChange={(v) => v && updateMeasure(i, { unit: v })}
                  allowDeselect={false}
                  description={t('localFactor', {
                    factor: UNIT_FACTOR[m.unit].toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
                  })}
                  error={err(`measures.${i}.unit`)}
                />
                <Select
                  label={t('localDirection')}
                  data={[
                    { value: 'higher', label: t('localHigher') },
                    { value: 'lower', label: t('localLower') },
                  ]}
                  value={m.direction}
                  onChange={(v) => v && updateMeasure(i, { direction: v })}
                  allowDeselect={false}
                  error={err(`measures.${i}.direction`)}
                />
                <Select
                  label={t('localAgency')}
                  data={agencyOptions}
                  value={m.agency}
                  onChange={(v) => updateMeasure(i, { agency: v })}
                  searchable
                  filter={foldFilter()}
                  required
                  error={err(`measures.${i}.agency`)}
                  data-testid={`local-measure-agency-${i}`}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button variant="light" onClick={() => update({ measures: [...form.measures, emptyMeasure()] })}>
            {t('localAddMeasure')}
          </Button>
        </Group>

        {formError && (
          <Alert color="red" role="alert" data-testid="local-error">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy} data-testid="local-submit">
            {t('localSubmit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A numerator or denominator: an element of the catalogue (searchable) or a new one. */
function ElementChoiceEditor({
  index,
  side,
  choice,
  form,
  catalogue,
  categoryOptions,
  err,
  onChange,
}: {
  index: number;
  side: Side;
  choice: ElementChoice;
  form: LocalIndicatorForm;
  catalogue: CatalogueReply;
  categoryOptions: { value: string; label: string }[];
  err: (field: string) => string | undefined;
  onChange: (choice: ElementChoice) => void;
}) {
  const { t, lang } = useI18n();
  const field = `measures.${index}.${side}`;
  const options = useMemo(() => {
    const known = new Set(catalogue.dataElements.map((e) => e.code));
    // new elements defined in the other boxes of this form can be reused here
    const fresh = form.measures.flatMap((m, i) =>
      (['numerator', 'denominator'] as const).flatMap((s) => {
        const c = m[s];
        if (c.mode !== 'new' || !c.code || known.has(c.code) || (i === index && s === side)) return [];
        return [{ value: c.code, label: `${c.nameVi || c.code} (${c.code}) ${t('localNewInForm')}` }];
      }),
    );
    const unique = [...new Map(fresh.map((o) => [o.value, o])).values()];
    return [...catalogue.dataElements.map((e) => ({ value: e.code, label: `${e.name[lang]} (${e.code})` })), ...unique];
  }, [catalogue, form.measures, index, side, lang, t]);

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {side === 'numerator' ? t('localNumerator') : t('localDenominator')}
        </Text>
        <SegmentedControl
          size="xs"
          value={choice.mode}
          data={[
            { value: 'existing', label: t('localExisting') },
            { value: 'new', label: t('localNew') },
          ]}
          onChange={(v) =>
            onChange(
              v === 'new' ? { mode: 'new', code: '', nameVi: '', nameEn: '', categories: [] } : { mode: 'existing', code: null },
            )
          }
          data-testid={`local-${side}-mode-${index}`}
        />
      </Group>
      {choice.mode === 'existing' ? (
        <Select
          aria-label={side === 'numerator' ? t('localNumerator') : t('localDenominator')}
          placeholder={t('localChooseElement')}
          data={options}
          value={choice.code}
          onChange={(v) => onChange({ mode: 'existing', code: v })}
          searchable
          filter={foldFilter()}
          limit={50}
          error={err(field)}
          data-testid={`local-${side}-${index}`}
        />
      ) : (
        <>
          <TextInput
            label={t('localElementCode')}
            value={choice.code}
            onChange={(e) => onChange({ ...choice, code: e.currentTarget.value.toUpperCase() })}
            error={err(`${field}.code`) ?? err(field)}
            required
            data-testid={`local-${side}-code-${index}`}
          />
          <TextInput
            label={t('localElementNameVi')}
            value={choice.nameVi}
            onChange={(e) => onChange({ ...choice, nameVi: e.currentTarget.value })}
            error={err(`${field}.nameVi`)}
            required
            data-testid={`local-${side}-name-${index}`}
          />
          <TextInput
            label={t('localElementNameEn')}
            value={choice.nameEn}
            onChange={(e) => onChange({ ...choice, nameEn: e.currentTarget.value })}
            error={err(`${field}.nameEn`)}
          />
          <MultiSelect
            label={t('localCategories')}
            data={categoryOptions}
            value={choice.categories}
            onChange={(v) => onChange({ ...choice, categories: v })}
            error={err(`${field}.categories`)}
          />
        </>
      )}
    </Stack>
  );
}
