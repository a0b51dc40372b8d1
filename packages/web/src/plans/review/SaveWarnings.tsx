import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { PlanWarning } from '@tre/core/plans/warnings';
import { useI18n } from '../../i18n/i18n.tsx';

interface Props {
  warnings: PlanWarning[];
  issuer: string;
  province: string;
  /** the reviewer pressed "Save" while there are warnings: ask before saving */
  confirming: boolean;
  onClose: () => void;
  onSave: () => void;
}

/** The warnings of a plan under review (core plans/warnings.ts), shown at once and asked again on saving. */
export function SaveWarnings({ warnings, issuer, province, confirming, onClose, onSave }: Props) {
  const { t } = useI18n();
  const text = (w: PlanWarning) => {
    switch (w.code) {
      case 'other-province':
        return t('planWarnOtherProvince', { issuer, province });
      case 'nothing-to-track':
        return t('planWarnNothingToTrack');
      case 'undecided-leads':
        return [
          t('planWarnUndecidedLeads', { n: w.tasks }),
          w.names.length > 0 ? t('planWarnLeadNames', { names: w.names.join('; ') }) : '',
          w.withoutLead > 0 ? t('planWarnWithoutLead', { n: w.withoutLead }) : '',
        ]
          .filter(Boolean)
          .join(' ');
    }
  };
  return (
    <>
      {warnings.map((w) => (
        <Alert key={w.code} color="yellow" data-testid={`plan-warning-${w.code}`}>
          {text(w)}
        </Alert>
      ))}
      <Modal opened={confirming} onClose={onClose} title={t('planWarnTitle')}>
        <Stack>
          {warnings.map((w) => (
            <Text key={w.code} size="sm">
              {text(w)}
            </Text>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button color="orange" onClick={onSave} data-testid="plan-save-anyway">
              {t('planSaveAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
