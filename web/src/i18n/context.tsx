/**
 * The language of the UI: a React context holding 'en' or 'zh' and the `t` function of its catalogue. The state
 * lives in App, above every page, so switching language re-renders the labels and keeps every input.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, type MessageKey } from './catalogue.js';
import { translate, type Params } from './translate.js';
import type { Lang } from '../backend/types.js';

export { translate, type Params };
export type Translate = (key: MessageKey, params?: Params) => string;


export interface I18n {
  readonly lang: Lang;
  readonly t: Translate;
}

const I18nContext = createContext<I18n>({ lang: 'en', t: (key, params) => translate('en', key, params) });

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ lang, t: (key, params) => translate(lang, key, params) }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** True when the key exists in the catalogue (for keys built from data, e.g. a run stage). */
export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
