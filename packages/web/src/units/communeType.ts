import type { Language } from '@tre/core';

/** The kinds of commune-level unit since 2025, as the official list names them, and in English. */
const TYPES: Partial<Record<string, string>> = { Xã: 'Commune', Phường: 'Ward', 'Đặc khu': 'Special zone' };

/** A commune's type in the page's language; a type the list may add later is shown as written. */
export const communeTypeLabel = (type: string, lang: Language): string => (lang === 'en' ? (TYPES[type] ?? type) : type);
