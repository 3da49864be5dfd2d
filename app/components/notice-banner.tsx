import { useLocation } from "@remix-run/react";
import { useRef } from "react";
import { isMessageKey } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";
import { SuccessBanner } from "./notification-banner";

/** A notice as the root loader passes it on (see platform/notice.server.ts). */
export interface ShownNotice {
  key: string;
  params?: Record<string, string | number>;
  searchPending?: boolean;
}

/**
 * The success banner for the change just made, on the page the change led
 * to only: the root's data outlives the page, so the banner remembers which
 * visit it belongs to and is gone once the person moves on.
 */
export function NoticeBanner({ notice }: { notice: ShownNotice | null }) {
  const { t } = useI18n();
  const location = useLocation();
  const shown = useRef<{ notice: ShownNotice | null; at: string }>({ notice, at: location.key });
  if (shown.current.notice !== notice) shown.current = { notice, at: location.key };
  if (!notice || shown.current.at !== location.key || !isMessageKey(notice.key)) return null;
  return (
    <SuccessBanner title={t("notices.title")} heading={t(notice.key, notice.params)}>
      {notice.searchPending ? <p className="govuk-body">{t("notices.searchPending")}</p> : null}
    </SuccessBanner>
  );
}
