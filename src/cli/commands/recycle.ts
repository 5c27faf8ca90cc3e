/**
 * `chuneng recycle FILE [--route pyro|hydro|direct] [--json]`: a recycling line (or a recycling-plant project with
 * a finance section) → mass balance, revenue and costs, net value per tonne and per kWh, the break-even gate fee,
 * value by route and chemistry, and with finance the cash-flow model's NPV, IRR and payback. A thin adapter over
 * src/battery/recycling and src/project/recycling-plant.ts.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { compareRoutes, estimatedCosts, RECYCLING_ROUTES, type RecyclingRoute } from '../../battery/recycling/index.js';
import { evaluateRecyclingPlantProject, parseRecyclingPlantProject, type RecyclingPlantEvaluation } from '../../project/recycling-plant.js';
import { STDOUT, textTable, type CommandOutput } from '../output.js';

interface RecycleFlags {
  route?: string;
  json?: boolean;
}

const T = 1000;
const KWH = 3.6e6;

export function registerRecycleCommand(program: Command, output: CommandOutput = STDOUT): Command {
  return program
    .command('recycle')
    .description('Evaluate a battery recycling line: mass balance, value per tonne and per kWh by route and chemistry, the break-even gate fee, and NPV/IRR with a finance section.')
    .argument('<file>', 'recycling plant or recycling-plant project (.yaml or .json)')
    .option('--route <route>', `metallurgical route instead of the file's: ${RECYCLING_ROUTES.join(', ')}`)
    .option('--json', 'print the results as JSON (masses kg/yr, money yuan/yr; per-tonne and per-kWh figures named so)')
    .action((file: string, flags: RecycleFlags) => {
      if (flags.route !== undefined && !(RECYCLING_ROUTES as readonly string[]).includes(flags.route)) {
        throw new Error(`--route = "${flags.route}" is not valid: expected one of ${RECYCLING_ROUTES.join(', ')}`);
      }
      const doc = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
      // a bare plant (no plant:/finance:) is read as the plant of a project without finance
      const bare = doc && typeof doc === 'object' && !('plant' in doc);
      const { name, ...plant } = bare ? doc : { name: undefined };
      const project = bare ? { name, plant } : doc;
      const p = parseRecyclingPlantProject(project, flags.route as RecyclingRoute | undefined);
      if (!p.ok) throw new Error(`${file}:\n${p.issues.map((i) => `  ${i.message}`).join('\n')}`);
      const e = evaluateRecyclingPlantProject(p.value);
      const byRoute = compareRoutes(p.value.plant, Object.fromEntries(RECYCLING_ROUTES.filter((r) => r !== e.recycling.route).map((r) => [r, estimatedCosts(r)])));
      const fileRoute = (project.plant as { route?: unknown } | undefined)?.route;
      const note = flags.route !== undefined && flags.route !== fileRoute ? `process costs as written in the file, for its route ${String(fileRoute)}` : null;
      output.out(flags.json ? JSON.stringify({ ...jsonOf(e, byRoute), note }, null, 2) + '\n' : textOf(e, byRoute, note));
    });
}

type ByRoute = ReturnType<typeof compareRoutes>;

function jsonOf(e: RecyclingPlantEvaluation, byRoute: ByRoute) {
  const r = e.recycling;
  const s = e.finance?.summary;
  return {
    name: e.name,
    route: r.route,
    feedMass: r.feedMass,
    feedEnergy: r.feedEnergy,
    annualCapacity: r.annualCapacity,
    utilisation: r.utilisation,
    capex: r.capex,
    massBalance: r.streams.map((x) => ({
      chemistry: x.balance.chemistry,
      feedMass: x.balance.feedMass,
      secondLifeMass: x.balance.secondLifeMass,
      cellMass: x.balance.cellMass,
      blackMass: x.balance.blackMass,
      blackMassLithium: x.blackMassLithium,
      residue: x.balance.residue,
      products: x.balance.products,
      byMaterial: x.balance.byMaterial,
    })),
    revenue: r.revenue,
    costs: r.costs,
    capitalCharge: r.capitalCharge,
    netValue: r.netValue,
    netValuePerTonne: r.netValuePerMass * T,
    netValuePerKwh: r.netValuePerEnergy * KWH,
    breakEvenGateFeePerTonne: r.breakEvenGateFee * T,
    byRoute: byRoute.map((x) => ({
      chemistry: x.chemistry,
      route: x.route,
      netValuePerTonne: x.netValuePerMass * T,
      netValuePerKwh: x.netValuePerEnergy * KWH,
      breakEvenGateFeePerTonne: x.breakEvenGateFee * T,
      routeMarginShare: x.routeMarginShare,
      blackMassPricePerTonne: x.blackMassPrice * T,
    })),
    statement: e.statement,
    finance: s
      ? {
          npv: s.npvProjectAfterTax,
          npvPreTax: s.npvProjectPreTax,
          irr: s.irrProjectAfterTax.ok ? s.irrProjectAfterTax.value : null,
          irrEquity: s.irrEquity.ok ? s.irrEquity.value : null,
          paybackYears: s.payback.reached ? s.payback.years : null,
        }
      : null,
  };
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const n1 = (x: number) => x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);

function textOf(e: RecyclingPlantEvaluation, byRoute: ByRoute, note: string | null): string {
  const r = e.recycling;
  let s = `${e.name}: route ${r.route}${note ? ` (${note})` : ''}\n`;
  s += `Feed ${n0(r.feedMass / T)} t/yr (${n0(r.feedEnergy / KWH / 1000)} MWh nameplate); line ${n0(r.annualCapacity / T)} t/yr, utilisation ${pct(r.utilisation)}; capex ${n1(r.capex / 1e6)} M yuan\n\n`;
  s += 'Mass balance (t/yr)\n';
  s += textTable(
    r.streams.map((x) => [x.balance.chemistry, n0(x.balance.feedMass / T), n0(x.balance.secondLifeMass / T), n0(x.balance.cellMass / T), n0(x.balance.blackMass / T), pct(x.blackMassLithium), n0(x.balance.residue / T)]),
    ['chemistry', 'feed', 'second life', 'cells shredded', 'black mass', 'Li in black mass', 'residue'],
  );
  const products = new Map<string, number>();
  for (const x of r.streams) for (const p of x.balance.products) products.set(p.name, (products.get(p.name) ?? 0) + p.mass);
  s += '\nProducts and revenue\n';
  s += textTable(
    r.revenue.map((x) => [x.name, products.has(x.name) ? n1(products.get(x.name)! / T) : '', n1(x.amount / 1e6)]),
    ['product', 't/yr', 'M yuan/yr'],
  );
  s += '\nCosts\n';
  s += textTable([...r.costs.map((x) => [x.name, n1(x.amount / 1e6)]), ['capital charge (CRF × capex)', n1(r.capitalCharge / 1e6)]], ['item', 'M yuan/yr']);
  s += `\nNet value ${n0(r.netValuePerMass * T)} yuan/t, ${n1(r.netValuePerEnergy * KWH)} yuan/kWh of retired battery (before gate fees)\n`;
  s += `Break-even gate fee ${n0(r.breakEvenGateFee * T)} yuan/t (negative: the recycler can pay that much for batteries)\n`;
  s += `\nValue by route and chemistry (other routes at the documented cost estimate of src/battery/data/recycling-costs.ts)\n`;
  s += textTable(
    byRoute.map((x) => [x.chemistry, x.route, n0(x.netValuePerMass * T), n1(x.netValuePerEnergy * KWH), n0(x.breakEvenGateFee * T), pct(x.routeMarginShare)]),
    ['chemistry', 'route', 'yuan/t', 'yuan/kWh', 'gate fee yuan/t', 'margin on bought black mass'],
  );
  const f = e.finance?.summary;
  if (f) {
    s += `\nFinance (after tax): NPV ${n1(f.npvProjectAfterTax / 1e6)} M yuan, IRR ${f.irrProjectAfterTax.ok ? pct(f.irrProjectAfterTax.value) : `none (${f.irrProjectAfterTax.reason})`}, `;
    s += `payback ${f.payback.reached ? `${f.payback.years.toFixed(1)} years from the start of construction` : `not reached (${f.payback.reason})`}\n`;
  }
  return s;
}
