// Outside load measurements of the stack up.sh runs, through the gateway (and, for comparison, straight to a
// service with the signature the gateway would add). Run by deploy/local/load.sh, which gets the tokens; see the
// README's "Measured from outside". Prints one line per measured phase, and nothing is asserted: it measures.
import autocannon from 'autocannon';
import crypto from 'node:crypto';
import fs from 'node:fs';

const options = Object.fromEntries(process.argv.slice(3).map((arg) => {
  const [key, value] = arg.replace(/^--/, '').split('=');
  return [key, value ?? 'true'];
}));
const scenario = process.argv[2];
const number = (key, fallback) => Number(options[key] ?? fallback);
const gateway = process.env.FANGPIN_GATEWAY_URL;
const tokens = JSON.parse(fs.readFileSync(process.env.FANGPIN_LOAD_TOKENS, 'utf8'));
const secret = process.env.FANGPIN_GATEWAY_SECRET;

// ---------------------------------------------------------------- the gateway's signature (GatewaySignature.java)
const b64url = (bytes) => Buffer.from(bytes).toString('base64url');
const sha256 = (bytes) => b64url(crypto.createHash('sha256').update(bytes).digest());

function signature(method, pathAndQuery, authorization, body) {
  const seconds = Math.floor(Date.now() / 1000);
  const requestId = crypto.randomUUID();
  const signed = [seconds, requestId, method, pathAndQuery, sha256(authorization), sha256(body ?? '')].join('\n');
  const mac = crypto.createHmac('sha256', secret).update(signed).digest();
  return `t=${seconds},r=${requestId},p=b,s=${b64url(mac)}`;
}

// ---------------------------------------------------------------- plain requests for seeding
async function api(method, path, token, body, contentType = 'application/json') {
  const response = await fetch(gateway + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': contentType, 'Idempotency-Key': crypto.randomUUID() }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} -> HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
  return { json: text ? JSON.parse(text) : null, location: response.headers.get('location') };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// GB 11643: 17 digits and their check character; n in [0, 13,440,000) picks the birth day and sequence number.
function idNumber(n) {
  const day = Math.floor(n / 1000);
  const base = `150724${1960 + Math.floor(day / 336)}${String(1 + (Math.floor(day / 28) % 12)).padStart(2, '0')}`
    + `${String(1 + (day % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...base].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return base + '10X98765432'[sum % 11];
}

/**
 * COUNT households with random ID numbers, one member each, imported by a go-live file of the county approver into
 * VILLAGES in turn (numbered from FIRST): monitoring objects of CATEGORY, or only registered when it is empty.
 */
async function importHouseholds(count, villages, first, category) {
  const header = '行政区划代码,村民小组,户主姓名,户主证件号码,家庭人口数,户类型,与户主关系,成员姓名,成员证件号码,出生日期,'
    + '劳动能力,健康状况,在校生状况,务工状况,监测对象类别,风险类型,识别监测时间,人均纯收入';
  const rows = [header];
  // Random ID numbers: a number some earlier run imported already changes nothing, so a run may find a few
  // households fewer than it asked for, and goes on with those it finds.
  const ids = new Set();
  while (ids.size < count) {
    ids.add(idNumber(crypto.randomInt(13_440_000)));
  }
  const monitored = category ? [category, '因病', '2026-01-15', '7000.00'] : ['', '', '', ''];
  [...ids].forEach((id, k) => {
    const i = first + k;
    rows.push([villages[i % villages.length], 1 + (i % 8), `压测户${i}`, id, 3, '一般农户', '户主', `压测户${i}`, id, '',
      '有劳动能力', '健康', '', '务农', ...monitored].join(','));
  });
  const started = Date.now();
  const accepted = await api('POST', `/api/households/imports?fileName=load-${started}.csv`, tokens.county,
    rows.join('\n') + '\n', 'text/csv');
  let run;
  do {
    await sleep(1000);
    run = (await api('GET', new URL(accepted.location, gateway).pathname, tokens.county)).json;
  } while (!['DONE', 'REFUSED', 'INTERRUPTED'].includes(run.state));
  console.log(`seed: imported ${run.rowsWritten} of ${run.rowsTotal} rows (${run.state}, ${run.rowsRefused ?? 0} refused) `
    + `in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** --register=N households only registered (two timeline entries each), for a read side worth rebuilding. */
async function register() {
  const villages = Array.from({ length: 8 }, (_, i) => `150724213${201 + i}`);
  await importHouseholds(number('register', 50_000), villages, 0, '');
}

/**
 * Households in the officers' villages, registered and identified by a go-live import (the fastest way to many
 * monitored households), then found on the read side once monitoring has them.
 */
async function monitoredHouseholds(count) {
  const villages = Object.keys(tokens.officers);
  const region = tokens.region;
  const existing = await householdsIn(region, count);
  if (existing.length >= count) {
    return existing.slice(0, count);
  }
  const started = Date.now();
  await importHouseholds(count - existing.length, villages, existing.length, '边缘易致贫户');
  let found = [];
  for (let unchanged = 0; unchanged < 30 && found.length < count; ) {
    await sleep(2000);
    const now = await householdsIn(region, count);
    unchanged = now.length > found.length ? 0 : unchanged + 1;
    found = now;
  }
  console.log(`seed: ${found.length} households monitored after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return found;
}

async function householdsIn(region, count) {
  const found = [];
  let cursor;
  do {
    const page = (await api('GET', `/api/timeline/households?region=${region}&status=RISK_NOT_ELIMINATED&size=200`
      + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''), tokens.supervisors[0])).json;
    found.push(...page.households.filter((h) => tokens.officers[h.regionCode]));
    cursor = page.nextCursor;
  } while (cursor && found.length < count);
  return found;
}

function recordBody(i) {
  return JSON.stringify({ month: new Date().toISOString().slice(0, 7), perCapitaNetIncome: (6000 + (i % 4000)).toFixed(2),
    contactMethod: 'HOME_VISIT', guaranteeGaps: [], employmentUnstable: false, incomeOnlyFromTransfers: false });
}

// ---------------------------------------------------------------- measurement
function run(title, config) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ timeout: 30, ...config }, (error, result) => (error ? reject(error) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  }).then((result) => {
    const seconds = result.duration;
    console.log(`${title}: ${result.requests.total} requests in ${seconds.toFixed(1)} s = ${(result.requests.total / seconds).toFixed(0)}/s, `
      + `p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, `
      + `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, `
      + `${(result.throughput.average / 1024).toFixed(0)} KiB/s`
      + (result.non2xx ? `; answers ${Object.entries(result.statusCodeStats).map(([code, { count }]) => `${code}×${count}`).join(' ')}` : ''));
    return result;
  });
}

// CPU seconds used so far by each process of the stack (FANGPIN_LOAD_PIDS: "name=pid ...") and by PostgreSQL's
// processes together, from /proc (Linux; USER_HZ is 100 on every Linux this runs on).
function cpuSeconds() {
  const ticks = (pid) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return 0;
    }
  };
  const usage = {};
  for (const entry of (process.env.FANGPIN_LOAD_PIDS ?? '').split(' ').filter(Boolean)) {
    const [name, pid] = entry.split('=');
    usage[name] = ticks(pid);
  }
  usage.postgres = fs.readdirSync('/proc').filter((pid) => /^\d+$/.test(pid)).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
    } catch {
      return false;
    }
  }).reduce((total, pid) => total + ticks(pid), 0);
  usage.load = autocannonSelf();
  return usage;
}

const autocannonSelf = () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6;

function printCpu(title, before, after, count) {
  const parts = Object.keys(after).map((name) => {
    const seconds = after[name] - (before[name] ?? 0);
    return `${name} ${seconds.toFixed(1)} s (${(seconds * 1000 / count).toFixed(2)} ms each)`;
  });
  console.log(`${title}, CPU: ${parts.join(', ')}`);
}

async function unpublished(url) {
  const text = await (await fetch(`${url}/actuator/prometheus`)).text();
  const line = text.split('\n').find((l) => l.startsWith('fangpin_events_unpublished'));
  return line ? Number(line.split(' ').pop()) : NaN;
}

/**
 * The households village by village in turn, so that requests in a row come from different officers (the read side
 * lists them in region order: taken as listed, all connections would send as the same officer).
 */
function interleavedByVillage(households) {
  const byVillage = Object.values(households.reduce((villages, household) => {
    (villages[household.regionCode] ??= []).push(household);
    return villages;
  }, {}));
  const longest = Math.max(...byVillage.map((village) => village.length));
  return Array.from({ length: longest }, (_, i) => byVillage.map((village) => village[i])).flat().filter(Boolean);
}

/** One monthly record per request, each from its village's officer, as a cadre's screen sends it. */
async function records() {
  const households = interleavedByVillage(await monitoredHouseholds(number('households', 2000)));
  let next = 0;
  const request = {
    method: 'POST',
    setupRequest: (req) => {
      const i = next++;
      const household = households[i % households.length];
      req.path = `/api/monitoring/${household.householdId}/records`;
      req.headers = { 'Content-Type': 'application/json', Accept: 'application/json',
        Authorization: `Bearer ${tokens.officers[household.regionCode]}`, 'Idempotency-Key': crypto.randomUUID() };
      req.body = recordBody(i);
      return req;
    },
  };
  const config = { url: gateway, connections: number('connections', 24), requests: [request] };
  const rate = options.rate ? { overallRate: number('rate') } : {};
  await run('records warm-up', { ...config, ...rate, duration: number('warmup', 10) });
  const monitoring = process.env.FANGPIN_MONITORING_URL;
  const before = Date.now();
  const cpuBefore = cpuSeconds();
  const result = await run('records, one per request, through the gateway', { ...config, ...rate, duration: number('seconds', 30) });
  let lag = await unpublished(monitoring);
  while (lag > 0) {
    await sleep(200);
    lag = await unpublished(monitoring);
  }
  const seconds = (Date.now() - before) / 1000;
  console.log(`records until every event was on Kafka: ${result['2xx']} in ${seconds.toFixed(1)} s = `
    + `${(result['2xx'] / seconds).toFixed(0)} records/s`);
  printCpu('records', cpuBefore, cpuSeconds(), result['2xx']);
}

/** A household with at least 300 timeline entries, read at a fixed rate directly and through the gateway. */
async function timeline() {
  const [household] = await monitoredHouseholds(1);
  const officer = tokens.officers[household.regionCode];
  const path = `/api/households/${household.householdId}/timeline`;
  let entries = (await api('GET', path, tokens.supervisors[0])).json.entries.length;
  for (let i = 0; entries < 300; i++) {
    await api('POST', `/api/monitoring/${household.householdId}/records`, officer, recordBody(i));
    await sleep(60); // within the officer's rate limit
    if (i % 20 === 19) {
      entries = (await api('GET', path, tokens.supervisors[0])).json.entries.length;
    }
  }
  await sleep(2000);
  const body = await (await fetch(gateway + path, { headers: { Authorization: `Bearer ${tokens.supervisors[0]}` } })).text();
  entries = JSON.parse(body).entries.length;
  console.log(`timeline of ${household.householdId}: ${entries} entries, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KiB of JSON`);
  const rate = number('rate', 200);
  const seconds = number('seconds', 20);
  let turn = 0;
  const reader = () => `Bearer ${tokens.supervisors[turn++ % tokens.supervisors.length]}`;
  const direct = {
    url: process.env.FANGPIN_TIMELINE_URL, connections: number('connections', 16), overallRate: rate,
    requests: [{ method: 'GET', path,
      setupRequest: (req) => {
        const authorization = reader();
        return { ...req, headers: { Accept: 'application/json', 'Accept-Encoding': 'gzip', Authorization: authorization,
          'X-Fangpin-Gateway-Signature': signature('GET', path, authorization) } };
      } }],
  };
  const viaGateway = (encoding) => ({ url: gateway, connections: number('connections', 16), overallRate: rate,
    requests: [{ method: 'GET', path,
      setupRequest: (req) => ({ ...req, headers: { Accept: 'application/json', 'Accept-Encoding': encoding, Authorization: reader() } }) }] });
  await run('timeline warm-up, direct', { ...direct, duration: number('warmup', 10) });
  await run('timeline warm-up, through the gateway', { ...viaGateway('gzip'), duration: number('warmup', 10) });
  let cpu = cpuSeconds();
  const straight = await run(`timeline at ${rate}/s, direct to timeline-service`, { ...direct, duration: seconds });
  printCpu('direct', cpu, cpu = cpuSeconds(), straight.requests.total);
  // The same reads as a client that takes no compression (Accept-Encoding: identity) get them: the baseline, beside.
  const plain = await run(`timeline at ${rate}/s, through the gateway, uncompressed`, { ...viaGateway('identity'), duration: seconds });
  printCpu('through the gateway, uncompressed', cpu, cpu = cpuSeconds(), plain.requests.total);
  const through = await run(`timeline at ${rate}/s, through the gateway`, { ...viaGateway('gzip'), duration: seconds });
  printCpu('through the gateway', cpu, cpuSeconds(), through.requests.total);
  console.log(`gateway adds ${(through.latency.p50 - straight.latency.p50).toFixed(1)} ms at p50, `
    + `${(through.latency.p99 - straight.latency.p99).toFixed(1)} ms at p99 (${(through.latency.p99 / straight.latency.p99).toFixed(2)}× the direct p99)`);
}

const scenarios = { records, timeline, register };
if (!scenarios[scenario]) {
  console.error(`usage: deploy/local/load.sh ${Object.keys(scenarios).join('|')} [--option=value ...]`);
  process.exit(2);
}
await scenarios[scenario]();
