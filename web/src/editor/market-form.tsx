/**
 * The market: the Henan time-of-use tariff with its base price, or an uploaded price file. A file is read by the
 * back end (the library's parsePriceCsv) and shown as a plot BEFORE it is used; a bad row is named with its number
 * and the library's message. Using it puts its name in the project and its text among the project's files.
 */
import { useState } from 'react';
import { useBackend } from '../app/backend-context.js';
import { useI18n, formatNumber } from '../i18n/index.js';
import type { FieldIssue, PricePreviewResult } from '../backend/types.js';
import { useEditor } from './context.js';
import { Section, TextField } from './fields.js';
import { getAt, setAt } from './paths.js';
import { PricePlot } from './price-plot.js';

const MWH = 3.6e9;

function IssueText({ issue }: { issue: FieldIssue & { row?: number; column?: string } }) {
  const { t } = useI18n();
  if (issue.row !== undefined) {
    // the library's English message names the file, the row and the column; in Chinese the back end frames it already
    const english = /^.*? row \d+, column "[^"]*": /;
    if (!english.test(issue.message)) return <>{issue.message}</>;
    return <>{t('market.badRow', { row: issue.row, column: issue.column ?? '', message: issue.message.replace(english, '') })}</>;
  }
  return <>{t('market.badFile', { message: issue.message })}</>;
}

function PriceUpload() {
  const backend = useBackend();
  const { t, lang } = useI18n();
  const { project, update, files, setFile } = useEditor();
  const [chosen, setChosen] = useState<{ name: string; text: string; result: PricePreviewResult } | null>(null);
  const [busy, setBusy] = useState(false);
  const timeZone = String(getAt(project, 'site.timeZone') ?? 'Asia/Shanghai');
  const inUse = getAt(project, 'market.prices');

  const choose = async (file: File) => {
    setBusy(true);
    try {
      const text = await file.text();
      const result = await backend.previewPrices(text, timeZone, lang);
      setChosen({ name: file.name, text, result });
    } catch (e) {
      setChosen({ name: file.name, text: '', result: { ok: false, issues: [{ field: 'market.prices', message: (e as Error).message }] } });
    } finally {
      setBusy(false);
    }
  };

  const use = () => {
    if (!chosen?.result.ok) return;
    setFile(chosen.name, chosen.text);
    update((v) => setAt(setAt(v, 'market.tariff', undefined), 'market.prices', chosen.name));
    setChosen(null);
  };

  return (
    <div className="price-upload" data-field="market.prices">
      {typeof inUse === 'string' ? (
        <div className="note">
          {t('market.inUse', { name: inUse })}
          {files[inUse] === undefined ? <span className="field-error"> — {t('market.badFile', { message: `“${inUse}” ?` })}</span> : null}
        </div>
      ) : null}
      <label className="file-button">
        {t('market.upload')}
        <input type="file" accept=".csv,text/csv,text/plain" data-testid="price-file" onChange={(e) => e.target.files?.[0] && void choose(e.target.files[0])} />
      </label>
      {busy ? <span className="cn-loading" aria-busy="true" /> : null}
      {chosen ? (
        chosen.result.ok ? (
          <div className="price-preview" data-preview="ok">
            <PricePlot price={chosen.result.preview.price} stepSeconds={chosen.result.preview.stepSeconds} lang={lang} />
            <div>
              {chosen.name}:{' '}
              {t('market.preview', {
                steps: chosen.result.preview.steps,
                step: chosen.result.preview.stepSeconds >= 3600 ? `${chosen.result.preview.stepSeconds / 3600} h` : `${chosen.result.preview.stepSeconds / 60} min`,
                min: formatNumber(chosen.result.preview.min * MWH, lang, 1),
                max: formatNumber(chosen.result.preview.max * MWH, lang, 1),
                mean: formatNumber(chosen.result.preview.mean * MWH, lang, 1),
              })}
            </div>
            <button type="button" onClick={use}>
              {t('market.useFile')}
            </button>
          </div>
        ) : (
          <div className="field-error price-error" data-preview="error" role="alert">
            {chosen.name}:{' '}
            {chosen.result.issues.map((i, k) => (
              <div key={k}>
                <IssueText issue={i} />
              </div>
            ))}
          </div>
        )
      ) : null}
    </div>
  );
}

export function MarketForm() {
  const { t } = useI18n();
  const { project, update } = useEditor();
  const [mode, setMode] = useState<'tariff' | 'file'>(getAt(project, 'market.prices') !== undefined ? 'file' : 'tariff');
  const current = getAt(project, 'market.prices') !== undefined ? 'file' : mode;
  const base = getAt(project, 'market.tariff.henan2024.basePrice');
  return (
    <Section title={t('section.market')} path="market">
      <TextField path="market.year" label={t('market.year')} numeric placeholder="2025" />
      <fieldset className="field wide choice">
        <legend className="field-label">{t('market.source')}</legend>
        <label>
          <input
            type="radio"
            name="price-source"
            checked={current === 'tariff'}
            onChange={() => {
              setMode('tariff');
              update((v) => (getAt(v, 'market.tariff') ? setAt(v, 'market.prices', undefined) : setAt(setAt(v, 'market.prices', undefined), 'market.tariff', { henan2024: { basePrice: '0.38 yuan/kWh' } })));
            }}
          />
          {t('market.tariff')}
        </label>
        <label>
          <input type="radio" name="price-source" checked={current === 'file'} onChange={() => setMode('file')} />
          {t('market.file')}
        </label>
      </fieldset>
      {current === 'tariff' ? (
        Array.isArray(base) ? (
          <p className="note">{base.join(', ')}</p>
        ) : (
          <TextField path="market.tariff.henan2024.basePrice" label={t('market.basePrice')} unit="yuan/kWh" placeholder="0.38 yuan/kWh" note={t('market.basePrice.help')} />
        )
      ) : (
        <PriceUpload />
      )}
      <TextField path="market.capacityPayment" label={t('market.capacityPayment')} unit="yuan/(kW yr)" placeholder="0 yuan/(kW yr)" />
      <TextField path="market.chargingSurcharge" label={t('market.chargingSurcharge')} unit="yuan/MWh" placeholder="0 yuan/MWh" />
      <TextField path="market.fuelPrice" label={t('market.fuelPrice')} unit="yuan/MWh" placeholder="0 yuan/MWh" />
    </Section>
  );
}
