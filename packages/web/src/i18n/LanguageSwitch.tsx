import { SegmentedControl } from '@mantine/core';
import { useI18n } from './i18n.tsx';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={lang}
      onChange={(v) => setLang(v === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: 'Tiếng Việt' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
