import { useI18n } from "~/i18n/use-t";
import { Checkboxes } from "./checkboxes";
import { Select, TextInput } from "./form-fields";

export interface AgendaItemChoice {
  id: number;
  position: number;
  title: string;
  confidential: boolean;
}

/** A paper's title, agenda item and confidentiality: the upload and edit forms' shared fields. */
export function PaperFields({
  values,
  agendaItems,
  errors,
}: {
  values: { title: string; agendaItem: string; confidential: boolean };
  agendaItems: AgendaItemChoice[];
  errors: Record<string, string[] | undefined>;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        name="title"
        label={t("papers.form.title")}
        hint={t("papers.form.titleHint")}
        defaultValue={values.title}
        errors={errors.title}
      />
      {agendaItems.length > 0 ? (
        <Select
          name="agendaItem"
          label={t("papers.form.agendaItem")}
          hint={t("papers.form.agendaItemHint")}
          defaultValue={values.agendaItem}
          options={[
            { value: "", label: t("papers.form.noAgendaItem") },
            ...agendaItems.map((item) => ({
              value: String(item.id),
              label: item.confidential
                ? t("papers.form.agendaItemConfidential", { position: item.position, title: item.title })
                : t("papers.form.agendaItemOption", { position: item.position, title: item.title }),
            })),
          ]}
          errors={errors.agendaItem}
        />
      ) : null}
      <Checkboxes
        name="confidential"
        legend={t("papers.form.confidentialLegend")}
        hint={t("papers.form.confidentialHint")}
        options={[{ value: "yes", label: t("papers.form.confidential") }]}
        checked={values.confidential ? ["yes"] : []}
        errors={errors.confidential}
      />
    </>
  );
}
