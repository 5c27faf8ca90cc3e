/** The Studies page's words in English and Chinese (the Chinese table is typed by the English one). */
import type { Lang } from '../backend/types.js';

const en = {
  title: 'Design-space study',
  intro: 'Vary any input of a project (a range, a distribution or a list of values per parameter) and read what drives the outputs: sweeps, Sobol and Morris sensitivity, tornado, Monte Carlo, NSGA-II. Every finished case is stored at once; a stopped study resumes.',
  needsServer: 'Studies run on the server’s worker threads: start the workbench with “chuneng serve” to run one. (This page is the offline app computing in your browser.)',
  project: 'Project',
  editorProject: 'The project in the editor',
  studyFile: 'Study file (YAML or JSON)',
  start: 'Start study',
  starting: 'Starting…',
  stop: 'Stop',
  resume: 'Resume',
  status: 'Status',
  failed: 'failed',
  progress: (done: number, failed: number, total: number) => `${done + failed} of ${total} cases: ${done} done, ${failed} failed`,
  eta: (eta: string) => `about ${eta} left`,
  resumed: (n: number) => `${n} from before`,
  lastError: (index: number, error: string) => `last error, case ${index}: ${error}`,
  summary: 'Outputs',
  output: 'Output',
  unit: 'Unit',
  mean: 'Mean',
  exceed: 'P(> threshold)',
  plots: 'Plots',
  partial: 'From the cases finished so far.',
  cases: 'Cases',
  case: 'Case',
  error: 'Error',
  csv: 'Download CSV',
  report: 'Report (HTML)',
  reportPdf: 'Report (PDF)',
  name: 'Name',
  earlier: 'Studies on this server',
  open: 'Open',
  none: 'None yet.',
  problems: 'Problems to fix',
  design: 'Design',
  designs: { 'monte-carlo': 'Monte Carlo', lhs: 'Latin hypercube', sobol: 'Sobol sequence', saltelli: 'Sobol indices (Saltelli)', morris: 'Morris screening', tornado: 'Tornado', grid: 'Grid sweep', nsga2: 'NSGA-II optimisation' },
  sizeLabel: { samples: 'Samples', trajectories: 'Trajectories', levels: 'Levels', population: 'Population' },
  generations: 'Generations',
  seed: 'Seed',
  caseCount: (n: number) => `${n} case${n === 1 ? '' : 's'}`,
  designFromText: 'The short form appears when the study file reads as YAML with a design.',
  input: 'Study definition',
  casesToRun: 'Cases to compute',
  statusWord: { queued: 'queued', running: 'running', done: 'done', failed: 'failed', interrupted: 'interrupted' },
  interruptedHint: 'Start it again to resume: the finished cases are kept.',
  finished: 'Cases finished',
  succeeded: 'Succeeded',
  failedCases: 'Failed',
  remaining: 'Time left',
  downloads: 'Downloads',
  quantiles: (p10: string, p90: string) => `P10 ${p10} · P90 ${p90}`,
  median: (output: string) => `${output}, median (P50)`,
  exceedKpi: (output: string, threshold: string) => `P(${output} > ${threshold})`,
  exceedNote: (n: number) => `share of ${n} finished case${n === 1 ? '' : 's'}`,
  allCases: 'All',
  failedOnly: (n: number) => `Failed (${n})`,
  rowsShown: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
  previous: 'Previous page',
  next: 'Next page',
  updated: 'Updated',
  lines: (n: number) => `${n} line${n === 1 ? '' : 's'}`,
  noCases: 'No case has finished yet.',
};

type Strings = typeof en;

const zh: Strings = {
  title: '设计空间研究',
  intro: '改变项目的任意输入（每个参数给出范围、分布或取值列表），看清是什么驱动了输出：参数扫描、Sobol 与 Morris 敏感性、龙卷风图、蒙特卡洛、NSGA-II 多目标优化。每个算例完成即存储；中断的研究可以续算。',
  needsServer: '研究在服务器的工作线程上运行：请用 chuneng serve 启动工作台后再运行。（当前页面是在浏览器中计算的离线版。）',
  project: '项目',
  editorProject: '编辑器中的项目',
  studyFile: '研究文件（YAML 或 JSON）',
  start: '开始研究',
  starting: '正在开始…',
  stop: '停止',
  resume: '续算',
  status: '状态',
  failed: '失败',
  progress: (done, failed, total) => `${total} 个算例中已完成 ${done + failed} 个：成功 ${done}，失败 ${failed}`,
  eta: (eta) => `预计还需 ${eta}`,
  resumed: (n) => `其中 ${n} 个为此前完成`,
  lastError: (index, error) => `最近的错误，算例 ${index}：${error}`,
  summary: '输出',
  output: '输出',
  unit: '单位',
  mean: '均值',
  exceed: 'P(> 阈值)',
  plots: '图表',
  partial: '基于目前已完成的算例。',
  cases: '算例',
  case: '算例',
  error: '错误',
  csv: '下载 CSV',
  report: '报告（HTML）',
  reportPdf: '报告（PDF）',
  name: '名称',
  earlier: '本服务器上的研究',
  open: '打开',
  none: '暂无。',
  problems: '需要修改的问题',
  design: '试验设计',
  designs: { 'monte-carlo': '蒙特卡洛', lhs: '拉丁超立方', sobol: 'Sobol 序列', saltelli: 'Sobol 指数（Saltelli）', morris: 'Morris 筛选', tornado: '龙卷风图', grid: '网格扫描', nsga2: 'NSGA-II 多目标优化' },
  sizeLabel: { samples: '样本数', trajectories: '轨迹数', levels: '水平数', population: '种群规模' },
  generations: '代数',
  seed: '随机种子',
  caseCount: (n) => `共 ${n} 个算例`,
  designFromText: '研究文件能按 YAML 读出且含 design 时，这里显示简易表单。',
  input: '研究定义',
  casesToRun: '待计算算例',
  statusWord: { queued: '排队中', running: '运行中', done: '已完成', failed: '失败', interrupted: '已中断' },
  interruptedHint: '重新开始即可续算：已完成的算例会保留。',
  finished: '已完成算例',
  succeeded: '成功',
  failedCases: '失败',
  remaining: '预计剩余',
  downloads: '下载',
  quantiles: (p10, p90) => `P10 ${p10} · P90 ${p90}`,
  median: (output) => `${output} 中位数 (P50)`,
  exceedKpi: (output, threshold) => `P(${output} > ${threshold})`,
  exceedNote: (n) => `${n} 个已完成算例中的占比`,
  allCases: '全部',
  failedOnly: (n) => `失败 (${n})`,
  rowsShown: (from, to, total) => `第 ${from}–${to} 行，共 ${total} 行`,
  previous: '上一页',
  next: '下一页',
  updated: '更新时间',
  lines: (n) => `${n} 行`,
  noCases: '尚无完成的算例。',
};

export function studyStrings(lang: Lang): Strings {
  return lang === 'zh' ? zh : en;
}

/** A duration for people: s, min or h. Unit of `seconds`: s */
export function duration(seconds: number, lang: Lang): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} ${lang === 'zh' ? '秒' : 's'}`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} ${lang === 'zh' ? '分钟' : 'min'}`;
  return `${(seconds / 3600).toFixed(1)} ${lang === 'zh' ? '小时' : 'h'}`;
}

/** A study to start from: Monte Carlo over the first plant's money, finance-only so it runs in seconds. */
export const STARTER_STUDY = `name: NPV under uncertain money
project: editor
parameters:
  - name: discount rate
    path: plants[0].finance.discountRate
    unit: "%"
    distribution: { kind: triangular, min: 5, mode: 7, max: 10 }
  - name: operating years
    path: plants[0].finance.operatingYears
    unit: years
    range: [15, 25]
    integer: true
design: { kind: monte-carlo, samples: 16, seed: 1, threshold: { NPV: 0 } }
outputs:
  NPV: { path: "plants[0].npv", unit: 万元 }
  LCOS: { path: "plants[0].lcos", unit: yuan/MWh }
`;
