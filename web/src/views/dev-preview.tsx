/**
 * A page to look at the result pages before (and apart from) the app shell: it renders them from a results folder
 * copied to ./.dev-data/<name>/ (results.json and the schedule CSVs of `evaluate --out`; not committed). Open
 * /src/views/dev-preview.html?data=luoyang&view=plant&plant=0&lang=zh on the Vite dev server. Not part of the app's build.
 */
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { propertyDiagramData } from '../../../src/report/diagram.js';
import { VIEWS, type ResultsJson, type ScheduleData, type ViewKey } from './types.js';

const params = new URLSearchParams(location.search);
/** Which copied results folder: ./.dev-data/<data>/ (default luoyang). */
const data = `./.dev-data/${params.get('data') ?? 'luoyang'}`;

async function json<T>(path: string): Promise<T> {
  const r = await fetch(path);
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return (await r.json()) as T;
}

/** The schedule CSV of a results folder (display units) back in SI. */
function parseSchedule(text: string, energyCapacity: number): ScheduleData {
  const lines = text.trim().split('\n');
  const head = lines[0].split(',');
  const col = (prefix: string) => head.findIndex((h) => h.startsWith(prefix));
  const rows = lines.slice(1).map((l) => l.split(','));
  const num = (i: number, f: number) => rows.map((r) => Number(r[i]) * f);
  const first = rows[0][0];
  const offset = /([+-])(\d\d):(\d\d)$/.exec(first)!;
  const pc = col('plant_charge');
  return {
    startMs: Date.parse(first),
    stepSeconds: (Date.parse(rows[1][0]) - Date.parse(first)) / 1000,
    utcOffsetMinutes: (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])),
    energyCapacity,
    price: num(col('price'), 1 / 3.6e9),
    charge: num(col('charge_MW'), 1e6),
    discharge: num(col('discharge_MW'), 1e6),
    energy: num(col('stored_MWh'), 3.6e9),
    ...(pc >= 0 ? { plantCharge: num(pc, 1e6), plantDischarge: num(col('plant_discharge'), 1e6) } : {}),
  };
}

function Preview({ results, manifest }: { results: ResultsJson; manifest: { files: { name: string }[] } }) {
  const [view, setView] = useState<ViewKey>((params.get('view') as ViewKey) ?? 'plant');
  const [plant, setPlant] = useState(Number(params.get('plant') ?? 0));
  const [lang, setLang] = useState<'en' | 'zh'>(params.get('lang') === 'zh' ? 'zh' : 'en');
  const View = VIEWS.find((v) => v.key === view)!.component;
  const loadSchedule = async (i: number) => {
    const file = manifest.files.map((f) => f.name).find((n) => n.startsWith(`schedule-${i + 1}-`))!;
    const text = await (await fetch(`${data}/${file}`)).text();
    return parseSchedule(text, results.plants[i].performance.energyCapacity);
  };
  const diagramData = async (fluid: string) => {
    await new Promise((r) => setTimeout(r, 0));
    const d = results.plants[plant].plantDetail;
    return propertyDiagramData(fluid, d ? { paths: [...d.charge.paths, ...d.discharge.paths] } : {});
  };
  return (
    <>
      <div className="bar">
        {VIEWS.map((v) => (
          <button key={v.key} aria-pressed={v.key === view} onClick={() => setView(v.key)}>
            {v.key}
          </button>
        ))}
        <select value={plant} onChange={(e) => setPlant(Number(e.target.value))}>
          {results.plants.map((p, i) => (
            <option key={p.name} value={i}>
              {p.name}
            </option>
          ))}
        </select>
        <button onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>{lang === 'en' ? '中文' : 'English'}</button>
      </div>
      <main>
        <View results={results} plantIndex={plant} lang={lang} loadSchedule={loadSchedule} diagramData={diagramData} />
      </main>
    </>
  );
}

Promise.all([json<ResultsJson>(`${data}/results.json`), json<{ files: { name: string }[] }>(`${data}/manifest.json`)]).then(([results, manifest]) =>
  createRoot(document.getElementById('root')!).render(<Preview results={results} manifest={manifest} />),
);
