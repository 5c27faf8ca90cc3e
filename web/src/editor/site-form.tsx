/** The site: name, time zone, coordinates and the ambient temperature (one value, or 12 monthly means). */
import { useI18n } from '../i18n/index.js';
import { useEditor } from './context.js';
import { Section, TextField } from './fields.js';
import { getAt, setAt } from './paths.js';

export function SiteForm() {
  const { t } = useI18n();
  const { project, update } = useEditor();
  const ambient = getAt(project, 'site.ambientTemperature');
  const monthly = Array.isArray(ambient);
  return (
    <Section title={t('section.site')} path="site">
      <TextField path="site.name" label={t('site.name')} placeholder="site" />
      <TextField path="site.timeZone" label={t('site.timeZone')} placeholder="Asia/Shanghai" />
      <TextField path="site.latitude" label={t('site.latitude')} unit="°" numeric placeholder={t('editor.optional')} />
      <TextField path="site.longitude" label={t('site.longitude')} unit="°" numeric placeholder={t('editor.optional')} />
      <fieldset className="field wide choice" data-field="site.ambientTemperature">
        <legend className="field-label">{t('site.ambient')}</legend>
        <label>
          <input
            type="radio"
            name="ambient"
            checked={!monthly}
            onChange={() => update((v) => setAt(v, 'site.ambientTemperature', monthly ? (ambient as unknown[])[0] : ambient))}
          />
          {t('site.ambient.one')}
        </label>
        <label>
          <input
            type="radio"
            name="ambient"
            checked={monthly}
            onChange={() => update((v) => setAt(v, 'site.ambientTemperature', Array.from({ length: 12 }, () => ambient ?? '15 degC')))}
          />
          {t('site.ambient.monthly')}
        </label>
      </fieldset>
      {monthly ? (
        <div className="months">
          {Array.from({ length: 12 }, (_, m) => (
            <TextField key={m} path={`site.ambientTemperature[${m}]`} label={t('site.month', { n: m + 1 })} unit="degC" placeholder="15 degC" />
          ))}
        </div>
      ) : (
        <TextField path="site.ambientTemperature" label={t('site.ambient')} unit="degC" placeholder="15 degC" />
      )}
    </Section>
  );
}
