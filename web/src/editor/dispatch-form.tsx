/** Dispatch options: the horizon (the whole year, or a rolling window), MILP, state-of-charge limits, cycle limit. */
import { useI18n } from '../i18n/index.js';
import { useEditor } from './context.js';
import { Section, TextField } from './fields.js';
import { getAt, setAt } from './paths.js';

export function DispatchForm() {
  const { t } = useI18n();
  const { project, update } = useEditor();
  const horizon = getAt(project, 'dispatch.horizon');
  const rolling = horizon !== undefined && horizon !== 'year';
  const milp = getAt(project, 'dispatch.milp') === true;
  return (
    <Section title={t('section.dispatch')} path="dispatch">
      <fieldset className="field wide choice" data-field="dispatch.horizon">
        <legend className="field-label">{t('dispatch.horizon')}</legend>
        <label>
          <input type="radio" name="horizon" checked={!rolling} onChange={() => update((v) => setAt(v, 'dispatch.horizon', 'year'))} />
          {t('dispatch.year')}
        </label>
        <label>
          <input
            type="radio"
            name="horizon"
            checked={rolling}
            onChange={() => update((v) => setAt(v, 'dispatch.horizon', { rolling: { window: '48 h', step: '24 h', foresight: 'perfect' } }))}
          />
          {t('dispatch.rolling')}
        </label>
      </fieldset>
      {rolling ? (
        <>
          <TextField path="dispatch.horizon.rolling.window" label={t('dispatch.window')} unit="h" placeholder="48 h" />
          <TextField path="dispatch.horizon.rolling.step" label={t('dispatch.step')} unit="h" placeholder="24 h" />
          <label className="field" data-field="dispatch.horizon.rolling.foresight">
            <span className="field-label">{t('dispatch.foresight')}</span>
            <span className="field-input">
              <select
                value={String(getAt(project, 'dispatch.horizon.rolling.foresight') ?? 'perfect')}
                onChange={(e) => update((v) => setAt(v, 'dispatch.horizon.rolling.foresight', e.target.value))}
              >
                <option value="perfect">{t('dispatch.perfect')}</option>
                <option value="persistence">{t('dispatch.persistence')}</option>
              </select>
            </span>
          </label>
        </>
      ) : null}
      <label className="field wide checkbox" data-field="dispatch.milp">
        <input type="checkbox" checked={milp} onChange={(e) => update((v) => setAt(v, 'dispatch.milp', e.target.checked ? true : undefined))} />
        <span className="field-label">{t('dispatch.milp')}</span>
      </label>
      <TextField path="dispatch.socMin" label={t('dispatch.socMin')} unit="%" placeholder="0 %" />
      <TextField path="dispatch.socMax" label={t('dispatch.socMax')} unit="%" placeholder="100 %" />
      <TextField path="dispatch.socStart" label={t('dispatch.socStart')} unit="%" placeholder={t('editor.optional')} />
      <TextField path="dispatch.dailyCycleLimit" label={t('dispatch.dailyCycleLimit')} numeric placeholder={t('editor.optional')} />
      <TextField path="dispatch.timeLimit" label={t('dispatch.timeLimit')} unit="s" placeholder="600 s" />
    </Section>
  );
}
