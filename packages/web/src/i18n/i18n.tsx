import { formatMessage, roleLabels, type Language } from '@tre/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, vi, type MessageKey } from './messages.ts';

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  /** a property, not a method: pages take it out of the context (`const { t } = useI18n()`) */
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  roleLabel: (role: string) => string;
}

const Ctx = createContext<I18n | null>(null);
/** the labels looked up by any string: a role this web does not know yet is shown as its code */
const ROLE_LABELS: Partial<Record<string, { vi: string; en: string }>> = roleLabels;
const STORAGE_KEY = 'tre.lang';

export function currentLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(currentLanguage);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => formatMessage((lang === 'en' ? en[key] : undefined) ?? vi[key], params),
      roleLabel: (role) => ROLE_LABELS[role]?.[lang] ?? role,
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
