import { createContext, type ReactNode, useContext, useMemo } from "react";
import { formatDate, formatDateTime, formatNumber, type Locale, type Translate, translator } from "./translate";

interface I18n {
  locale: Locale;
  t: Translate;
  date: (value: Date | string | number) => string;
  dateTime: (value: Date | string | number) => string;
  number: (value: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(
    () => ({
      locale,
      t: translator(locale),
      date: (v: Date | string | number) => formatDate(locale, v),
      dateTime: (v: Date | string | number) => formatDateTime(locale, v),
      number: (v: number) => formatNumber(locale, v),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function and date and number formatters for the page's locale. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside I18nProvider");
  return value;
}
