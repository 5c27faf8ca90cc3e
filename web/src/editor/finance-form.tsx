/**
 * A plant's finance section (src/finance/schema.ts): rates and periods, investment items, O&M, end of life, debt
 * and the main tax settings, each with its unit. Settings the form does not show (sensitivity, Monte Carlo, …) stay
 * in the project as they are and are named below the form.
 */
import { useEditor } from './context.js';
import { SelectField, TextField } from './fields.js';
import { getAt, setAt } from './paths.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { CHINA_TAX_DEFAULTS } from '../../../src/finance/tax.js';
import { DEBT_REPAYMENTS } from '../../../src/finance/debt.js';

const pct = (x: number) => `${Math.round(x * 1e4) / 100} %`;

const ITEM_KINDS = ['perPower', 'perEnergy', 'perVolume', 'perMass', 'lumpSum', 'fractionOfDirect'] as const;
type ItemKind = (typeof ITEM_KINDS)[number];

/** The fields of each kind of investment item: [key, label, unit, placeholder]. */
const ITEM_FIELDS: Readonly<Record<ItemKind, readonly (readonly [string, MessageKey, string, string])[]>> = {
  perPower: [
    ['power', 'fin.item.power', 'MW', '100 MW'],
    ['unitCost', 'fin.item.unitCost', 'yuan/kW', '1500 yuan/kW'],
  ],
  perEnergy: [
    ['energy', 'fin.item.energy', 'MWh', '400 MWh'],
    ['unitCost', 'fin.item.unitCost', 'yuan/kWh', '750 yuan/kWh'],
  ],
  perVolume: [
    ['volume', 'fin.item.volume', 'm3', '300000 m3'],
    ['unitCost', 'fin.item.unitCost', 'yuan/m3', '500 yuan/m3'],
  ],
  perMass: [
    ['mass', 'fin.item.mass', 't', '1000 t'],
    ['unitCost', 'fin.item.unitCost', 'yuan/kg', '10 yuan/kg'],
  ],
  lumpSum: [['amount', 'fin.item.amount', '万元', '5000 万元']],
  fractionOfDirect: [['fraction', 'fin.item.fraction', '%', '8 %']],
};

const SHOWN = new Set(['currency', 'discountRate', 'equityDiscountRate', 'constructionYears', 'operatingYears', 'capex', 'om', 'endOfLife', 'debt', 'tax']);

function CapexItems({ base }: { base: string }) {
  const { project, update } = useEditor();
  const { t } = useI18n();
  const path = `${base}.capex.items`;
  const items = getAt(project, path);
  const list = Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
  const setList = (next: unknown[]) => update((v) => setAt(v, path, next));
  return (
    <div className="capex-items" data-field={path}>
      <h4>{t('fin.capex')}</h4>
      {list.map((item, k) => {
        const kind = String(item?.kind ?? '');
        const fields = ITEM_FIELDS[kind as ItemKind];
        return (
          <div className="list-item" key={k}>
            <div className="fields">
              <SelectField
                path={`${path}[${k}].kind`}
                label={t('fin.item.kind')}
                options={[...ITEM_KINDS.map((x) => ({ value: x, label: t(`fin.item.${x}`) })), ...(fields ? [] : [{ value: kind, label: t('fin.item.correlation') }])]}
              />
              <TextField path={`${path}[${k}].name`} label={t('fin.item.name')} wide />
              {fields?.map(([key, label, unit, placeholder]) => <TextField key={key} path={`${path}[${k}].${key}`} label={t(label)} unit={unit} placeholder={placeholder} />)}
            </div>
            <button type="button" className="remove" onClick={() => setList(list.filter((_, i) => i !== k))}>
              {t('editor.remove')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => setList([...list, { kind: 'perPower', name: '', power: '', unitCost: '' }])}>
        {t('editor.add')}
      </button>
    </div>
  );
}

export function FinanceForm({ plantPath }: { plantPath: string }) {
  const { project } = useEditor();
  const { t } = useI18n();
  const base = `${plantPath}.finance`;
  const section = (getAt(project, base) ?? {}) as Record<string, unknown>;
  const others = Object.keys(section).filter((k) => !SHOWN.has(k));
  return (
    <div className="finance-form" data-section={base}>
      <div className="fields">
        <SelectField path={`${base}.currency`} label={t('fin.currency')} defaultValue="CNY" options={['CNY', 'USD', 'EUR'].map((c) => ({ value: c, label: c }))} />
        <TextField path={`${base}.discountRate`} label={t('fin.discountRate')} unit="%" placeholder="6 %" />
        <TextField path={`${base}.equityDiscountRate`} label={t('fin.equityDiscountRate')} unit="%" placeholder={t('editor.optional')} />
        <TextField path={`${base}.constructionYears`} label={t('fin.constructionYears')} unit="years" placeholder="0 years" />
        <TextField path={`${base}.operatingYears`} label={t('fin.operatingYears')} unit="years" placeholder="25 years" />
      </div>
      <CapexItems base={base} />
      <h4>{t('fin.om')}</h4>
      <div className="fields">
        <TextField path={`${base}.om.fixed`} label={t('fin.om.fixed')} unit="yuan/(kW yr)" placeholder="0 yuan/(kW yr)" />
        <TextField path={`${base}.om.variable`} label={t('fin.om.variable')} unit="yuan/MWh" placeholder="0 yuan/MWh" />
        <TextField path={`${base}.om.escalation`} label={t('fin.om.escalation')} unit="%" placeholder={t('editor.optional')} />
      </div>
      <h4>{t('fin.endOfLife')}</h4>
      <div className="fields">
        <TextField path={`${base}.endOfLife.decommissioningCost`} label={t('fin.decommissioningCost')} unit="yuan" placeholder="0 yuan" />
        <TextField path={`${base}.endOfLife.salvageValue`} label={t('fin.salvageValue')} unit="yuan" placeholder="0 yuan" />
      </div>
      <h4>{t('fin.debt')}</h4>
      <div className="fields">
        <TextField path={`${base}.debt.fraction`} label={t('fin.debt.fraction')} unit="%" placeholder="70 %" />
        <TextField path={`${base}.debt.rate`} label={t('fin.debt.rate')} unit="%" placeholder="3.5 %" />
        <TextField path={`${base}.debt.tenorYears`} label={t('fin.debt.tenorYears')} unit="years" placeholder="15 years" />
        <TextField path={`${base}.debt.graceYears`} label={t('fin.debt.graceYears')} unit="years" placeholder="0 years" />
        <SelectField path={`${base}.debt.repayment`} label={t('fin.debt.repayment')} defaultValue="annuity" options={DEBT_REPAYMENTS.map((r) => ({ value: r, label: t(`fin.debt.${r}`) }))} />
      </div>
      <details className="param-group" open={section.tax !== undefined}>
        <summary>{t('fin.tax')}</summary>
        <div className="fields">
          <TextField path={`${base}.tax.incomeTaxRate`} label={t('fin.tax.incomeTaxRate')} unit="%" placeholder={pct(CHINA_TAX_DEFAULTS.incomeTaxRate)} />
          <TextField path={`${base}.tax.vatRate`} label={t('fin.tax.vatRate')} unit="%" placeholder={pct(CHINA_TAX_DEFAULTS.vatRate)} />
          <TextField path={`${base}.tax.depreciationYears`} label={t('fin.tax.depreciationYears')} unit="years" placeholder={`${CHINA_TAX_DEFAULTS.depreciationYears} years`} />
          <TextField path={`${base}.tax.residualFraction`} label={t('fin.tax.residualFraction')} unit="%" placeholder={pct(CHINA_TAX_DEFAULTS.residualFraction)} />
        </div>
      </details>
      {others.length ? <p className="note">{t('editor.unsupported', { n: others.length, names: others.join(', ') })}</p> : null}
    </div>
  );
}
