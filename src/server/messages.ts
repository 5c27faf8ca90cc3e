/**
 * The server's own messages in English and Chinese (the library's validation messages come in the requested
 * language from the library). `?lang=zh|en` or Accept-Language picks the language.
 */
import type { IncomingMessage } from 'node:http';
import type { Lang } from './store.js';

const en = {
  notFound: (kind: Thing, id: string) => `no ${kind} "${id}"`,
  routeNotFound: (method: string, path: string) => `no API endpoint ${method} ${path} (GET /api/openapi.json lists them)`,
  methodNotAllowed: (method: string, path: string, allowed: string) => `${path} does not accept ${method}; it accepts ${allowed}`,
  invalidJson: (detail: string) => `the request body is not valid JSON: ${detail}`,
  invalidRequest: (n: number) => `the request has ${n} problem${n === 1 ? '' : 's'}`,
  invalidProject: (n: number) => `the project has ${n} problem${n === 1 ? '' : 's'}`,
  bodyTooLarge: (limit: number) => `the request body is larger than the limit of ${formatBytes(limit)} (raise it with chuneng serve --max-body)`,
  unsupportedMediaType: (type: string) => `the request body must be JSON (Content-Type: application/json), not ${type}`,
  queueFull: (n: number) => `${n} run${n === 1 ? ' is' : 's are'} already waiting, the most the queue holds; try again when one has finished (chuneng serve --queue raises the limit)`,
  tooManyStreams: (n: number) => `${n} event streams are open, the most the server keeps; close one (chuneng serve --sse-clients raises the limit)`,
  staleVersion: (base: number, latest: number) => `the project was saved as version ${latest} after version ${base} was read; reload it and apply the changes again`,
  projectBusy: (n: number) => `the project has ${n} run${n === 1 ? '' : 's'} queued or running; cancel ${n === 1 ? 'it' : 'them'} before deleting the project`,
  runNotDone: (status: string) => `the run is ${status}; its results are there when it is done`,
  runEnded: (status: string) => `the run ended ${status}; it has no results`,
  runFinished: (status: string) => `the run has already ended (${status}); only a queued or running run can be cancelled`,
  noPlant: (index: string, count: number) => `no plant ${index} in this run (plants are numbered 0 to ${count - 1})`,
  plantNotDone: (index: number, status: string) => `plant ${index} is not done yet (the run is ${status})`,
  unauthorized: () => 'this server needs an access token: send the header "Authorization: Bearer <token>" (the token given to chuneng serve --token)',
  forbiddenHost: (host: string) => `requests to this server must name it as localhost or its loopback address, not "${host}" (a guard against DNS rebinding)`,
  internal: (id: string) => `the server met an unexpected error; it was logged with the id ${id}`,
  reportFailed: (detail: string) => `the report could not be made: ${detail}`,
  runTimeLimit: (seconds: number) => `the run was stopped after ${seconds} s, the server's run-time limit (chuneng serve --run-seconds raises it)`,
  runOutOfMemory: (mb: number) => `the run needed more than the ${mb} MB of memory a run may use and was stopped (chuneng serve --run-memory raises it)`,
  runCrashed: (detail: string) => `the run's worker stopped unexpectedly: ${detail}`,
  interruptedRestart: () => 'the server stopped while this run was queued or running (it was killed or restarted); start the run again',
  interruptedShutdown: () => 'the server was shut down while this run was queued or running; start the run again',
  cancelled: () => 'the run was cancelled',
  fileMissing: (name: string, given: string) => `the project names the file "${name}", but no file of that name was given with it (given: ${given || 'none'})`,
  priceRow: (row: number, column: string, detail: string) => `row ${row}, column "${column}": ${detail}`,
  invalidInput: (n: number) => `the input has ${n} problem${n === 1 ? '' : 's'}`,
  noStaticApp: () => 'The web app has not been built yet. Run "npm run build:web" and reload this page; the API is at /api (see /api/openapi.json).',
} as const;

type Thing = 'project' | 'project version' | 'run' | 'template' | 'example' | 'file';
export type Messages = { readonly [K in keyof typeof en]: (typeof en)[K] };

const THINGS_ZH: Record<Thing, string> = { project: '项目', 'project version': '项目版本', run: '计算任务', template: '电站模板', example: '示例', file: '文件' };
const STATUS_ZH: Record<string, string> = { queued: '排队中', running: '运行中', done: '已完成', failed: '已失败', cancelled: '已取消', interrupted: '已中断' };
const zhStatus = (s: string) => STATUS_ZH[s] ?? s;

const zh: Messages = {
  notFound: (kind, id) => `没有此${THINGS_ZH[kind]}：“${id}”`,
  routeNotFound: (method, path) => `没有接口 ${method} ${path}（接口列表见 GET /api/openapi.json）`,
  methodNotAllowed: (method, path, allowed) => `${path} 不接受 ${method} 请求；可用：${allowed}`,
  invalidJson: (detail) => `请求正文不是有效的 JSON：${detail}`,
  invalidRequest: (n) => `请求有 ${n} 处问题`,
  invalidProject: (n) => `项目有 ${n} 处问题`,
  bodyTooLarge: (limit) => `请求正文超过了 ${formatBytes(limit)} 的上限（可用 chuneng serve --max-body 调高）`,
  unsupportedMediaType: (type) => `请求正文必须是 JSON（Content-Type: application/json），而不是 ${type}`,
  queueFull: (n) => `已有 ${n} 个计算任务在排队，队列已满；请在有任务完成后重试（可用 chuneng serve --queue 调高上限）`,
  tooManyStreams: (n) => `已打开 ${n} 个事件流，达到服务器上限；请关闭其中一个（可用 chuneng serve --sse-clients 调高上限）`,
  staleVersion: (base, latest) => `读取第 ${base} 版之后，项目已被保存为第 ${latest} 版；请重新加载后再修改`,
  projectBusy: (n) => `该项目有 ${n} 个计算任务正在排队或运行；请先取消再删除项目`,
  runNotDone: (status) => `计算任务${zhStatus(status)}；完成后才有结果`,
  runEnded: (status) => `计算任务${zhStatus(status)}，没有结果`,
  runFinished: (status) => `计算任务已结束（${zhStatus(status)}）；只能取消排队中或运行中的任务`,
  noPlant: (index, count) => `本次计算没有第 ${index} 号电站（编号为 0 到 ${count - 1}）`,
  plantNotDone: (index, status) => `第 ${index} 号电站尚未算完（计算任务${zhStatus(status)}）`,
  unauthorized: () => '此服务器需要访问令牌：请发送请求头 “Authorization: Bearer <令牌>”（即 chuneng serve --token 给出的令牌）',
  forbiddenHost: (host) => `请求必须以 localhost 或回环地址访问本服务器，而不是 “${host}”（防范 DNS 重绑定）`,
  internal: (id) => `服务器遇到意外错误，已记录，编号 ${id}`,
  reportFailed: (detail) => `无法生成报告：${detail}`,
  runTimeLimit: (seconds) => `计算任务运行超过服务器的时限 ${seconds} 秒，已被停止（可用 chuneng serve --run-seconds 调高）`,
  runOutOfMemory: (mb) => `计算任务所需内存超过上限 ${mb} MB，已被停止（可用 chuneng serve --run-memory 调高）`,
  runCrashed: (detail) => `计算任务的工作线程意外停止：${detail}`,
  interruptedRestart: () => '计算任务排队或运行时服务器停止了（被终止或重启）；请重新启动该计算',
  interruptedShutdown: () => '计算任务排队或运行时服务器被关闭；请重新启动该计算',
  cancelled: () => '计算任务已取消',
  fileMissing: (name, given) => `项目引用了文件 “${name}”，但没有随项目提供该文件（已提供：${given || '无'}）`,
  priceRow: (row, column, detail) => `第 ${row} 行，列 “${column}”：${detail}`,
  invalidInput: (n) => `输入有 ${n} 处问题`,
  noStaticApp: () => '网页应用尚未构建。请运行 “npm run build:web” 后刷新本页；API 位于 /api（见 /api/openapi.json）。',
};

export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}

/** `?lang=` first, then Accept-Language (the first of zh or en it names), else English. */
export function requestLang(query: URLSearchParams, req: IncomingMessage): Lang {
  const q = query.get('lang');
  if (q) return q.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    const ranked = header
      .split(',')
      .map((part, i) => {
        const [tag, ...params] = part.trim().toLowerCase().split(';');
        const qv = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
        return { tag, q: qv === undefined ? 1 : Number(qv), i };
      })
      .filter((x) => x.q > 0 && (x.tag.startsWith('zh') || x.tag.startsWith('en')))
      .sort((a, b) => b.q - a.q || a.i - b.i);
    if (ranked.length) return ranked[0].tag.startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} kB`;
  return `${n} bytes`;
}
