/*
 * The Monte Carlo liquidity-at-risk kernel of src/core/stress/monte-carlo in plain C: the
 * reference `npm run bench` times ours against (issue 17). Same inputs (the model the bench
 * dumps, layout in bench/monte-carlo/dump.ts), same generator (pure-rand's xoroshiro128+ seeded
 * from (seed, path) as `pathGenerator`), same per-path kernel (copula defaults, bootstrapped
 * delays, loss less insured share and recovery, new sales stopping at a default), same
 * statistics (per-week quantiles, minimum cash, CFaR 95 %, the tail paths re-simulated for the
 * customers' contributions).
 *
 *   gcc -O2 -o montecarlo montecarlo.c -lm && ./montecarlo model.bin
 *
 * Prints one line of JSON: the figures, the wall and CPU seconds of the simulation and statistics
 * (the file read excluded) and the peak resident memory.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define NEVER 2000000000.0

typedef struct {
  int32_t periods, customers, invoices, n_delays, n_pool, n_currencies, n_days, seed, paths;
  double as_of_day, opening, buffer, sales_volatility, recovery_share, recovery_lag, indemnity_lag;
  int32_t *starts, *day_period, *delay_offsets, *delays, *pool;
  int32_t *inv_customer, *inv_due, *inv_overdue, *inv_fixed_day, *inv_currency;
  double *fixed_net, *threshold, *sqrt_rho, *sqrt_one_minus_rho, *insured, *own_weight;
  double *inv_amount, *inv_fixed_share, *sales, *fx_volatility;
} Model;

typedef struct {
  double *net, *default_day, *lost, *received, *middle, *fx_factor;
  int32_t *own_from, *own_count, *pool_from, *pool_count, *due_offset;
  uint32_t s01, s00, s11, s10;
} Scratch;

static FILE *in;
static void *read_array(size_t count, size_t size) {
  void *p = malloc(count * size + 8);
  if (!p || fread(p, size, count, in) != count) {
    fprintf(stderr, "montecarlo: the model file ends early\n");
    exit(2);
  }
  return p;
}
static int32_t read_i32(void) { int32_t v; if (fread(&v, 4, 1, in) != 1) exit(2); return v; }
static double read_f64(void) { double v; if (fread(&v, 8, 1, in) != 1) exit(2); return v; }

static void read_model(Model *m) {
  char magic[8];
  if (fread(magic, 1, 8, in) != 8 || memcmp(magic, "CGMC0001", 8) != 0) {
    fprintf(stderr, "montecarlo: not a model file (CGMC0001)\n");
    exit(2);
  }
  m->periods = read_i32(); m->customers = read_i32(); m->invoices = read_i32();
  m->n_delays = read_i32(); m->n_pool = read_i32(); m->n_currencies = read_i32();
  m->n_days = read_i32(); m->seed = read_i32(); m->paths = read_i32();
  m->as_of_day = read_f64(); m->opening = read_f64(); m->buffer = read_f64();
  m->sales_volatility = read_f64(); m->recovery_share = read_f64();
  m->recovery_lag = read_f64(); m->indemnity_lag = read_f64();
  int W = m->periods, C = m->customers, n = m->invoices;
  m->starts = read_array(W + 1, 4);
  m->day_period = read_array(m->n_days, 4);
  m->fixed_net = read_array(W, 8);
  m->threshold = read_array(C, 8);
  m->sqrt_rho = read_array(C, 8);
  m->sqrt_one_minus_rho = read_array(C, 8);
  m->insured = read_array(C, 8);
  m->own_weight = read_array(C, 8);
  m->delay_offsets = read_array(C + 1, 4);
  m->delays = read_array(m->n_delays, 4);
  m->pool = read_array(m->n_pool, 4);
  m->inv_customer = read_array(n, 4);
  m->inv_due = read_array(n, 4);
  m->inv_amount = read_array(n, 8);
  m->inv_overdue = read_array(n, 4);
  m->inv_fixed_day = read_array(n, 4);
  m->inv_fixed_share = read_array(n, 8);
  m->inv_currency = read_array(n, 4);
  m->sales = read_array((size_t)C * W, 8);
  m->fx_volatility = read_array(m->n_currencies, 8);
}

static uint32_t mix32(uint32_t h) {
  h = (h ^ (h >> 16)) * 0x85ebca6bu;
  h = (h ^ (h >> 13)) * 0xc2b2ae35u;
  return h ^ (h >> 16);
}

static void seed_path(Scratch *s, int32_t seed, int32_t path) {
  uint32_t lo = (uint32_t)seed, hi = seed < 0 ? 0xffffffffu : 0; /* floor(seed / 2^32) of an int32 */
  uint32_t a = mix32(lo ^ 0x9e3779b9u);
  uint32_t b = mix32(hi ^ mix32((uint32_t)path + 0x632be5abu));
  uint32_t c = mix32((uint32_t)path ^ 0x7f4a7c15u ^ a);
  uint32_t d = mix32(b + c) | 1u;
  s->s01 = a; s->s00 = b; s->s11 = c; s->s10 = d;
}

static inline double next_uniform(Scratch *s) {
  uint32_t out = s->s00 + s->s10;
  uint32_t a0 = s->s10 ^ s->s00, a1 = s->s11 ^ s->s01;
  uint32_t s00 = s->s00, s01 = s->s01;
  s->s00 = (s00 << 24) ^ (s01 >> 8) ^ a0 ^ (a0 << 16);
  s->s01 = (s01 << 24) ^ (s00 >> 8) ^ a1 ^ ((a1 << 16) | (a0 >> 16));
  s->s10 = (a1 << 5) ^ (a0 >> 27);
  s->s11 = (a0 << 5) ^ (a1 >> 27);
  return out * 0x1p-32;
}

static const double TWO_PI = 2 * 3.141592653589793;

static inline double next_normal(Scratch *s) {
  double u1 = next_uniform(s);
  return sqrt(-2 * log(1 - u1)) * cos(TWO_PI * next_uniform(s));
}

static int32_t lower_bound(const int32_t *v, int32_t from, int32_t to, int32_t x) {
  while (from < to) {
    int32_t mid = (from + to) >> 1;
    if (v[mid] < x) from = mid + 1; else to = mid;
  }
  return from;
}

static void create_scratch(const Model *m, Scratch *s) {
  int W = m->periods, C = m->customers, n = m->invoices;
  s->net = calloc(W, 8); s->middle = calloc(W, 8);
  s->default_day = calloc(C, 8); s->lost = calloc(C, 8); s->received = calloc(C, 8);
  s->fx_factor = calloc(m->n_currencies + 1, 8);
  s->own_from = calloc(n, 4); s->own_count = calloc(n, 4);
  s->pool_from = calloc(n, 4); s->pool_count = calloc(n, 4); s->due_offset = calloc(n, 4);
  for (int i = 0; i < n; i++) {
    int c = m->inv_customer[i], od = m->inv_overdue[i], end = m->delay_offsets[c + 1];
    s->own_from[i] = lower_bound(m->delays, m->delay_offsets[c], end, od);
    s->own_count[i] = end - s->own_from[i];
    s->pool_from[i] = lower_bound(m->pool, 0, m->n_pool, od);
    s->pool_count[i] = m->n_pool - s->pool_from[i];
    s->due_offset[i] = m->inv_due[i] - (int32_t)m->as_of_day;
  }
  for (int w = 0; w < W; w++) s->middle[w] = ((double)m->starts[w] + m->starts[w + 1]) / 2;
}

static void place(const Model *m, Scratch *s, int c, double day, double amount) {
  double offset = day - m->as_of_day;
  int w = offset < 0 ? 0 : offset < m->n_days ? m->day_period[(int)offset] : -1;
  if (w < 0) return;
  s->net[w] += amount;
  s->received[c] += amount;
}

/* One path: as simulatePath in src/core/stress/monte-carlo/kernel.ts. */
static void simulate_path(const Model *m, Scratch *s, int32_t path) {
  int W = m->periods, C = m->customers, n = m->invoices;
  double as_of = m->as_of_day, horizon = m->starts[W] - as_of;
  seed_path(s, m->seed, path);
  memcpy(s->net, m->fixed_net, W * 8);
  memset(s->received, 0, C * 8);
  memset(s->lost, 0, C * 8);
  double factor = next_normal(s);
  double sigma = m->sales_volatility;
  double growth = exp(sigma * next_normal(s) - sigma * sigma / 2);
  for (int k = 0; k < m->n_currencies; k++) {
    double v = m->fx_volatility[k];
    s->fx_factor[k] = exp(v * next_normal(s) - v * v / 2);
  }
  for (int c = 0; c < C; c++) {
    double u1 = next_uniform(s), u2 = next_uniform(s), u = next_uniform(s);
    double t = m->threshold[c], common = m->sqrt_rho[c] * factor;
    int is_default = 0;
    if (!((u2 < 0.25 || u2 > 0.75) && common >= t)) {
      double eps = sqrt(-2 * log(1 - u1)) * cos(TWO_PI * u2);
      is_default = common + m->sqrt_one_minus_rho[c] * eps < t;
    }
    s->default_day[c] = is_default ? as_of + floor(u * horizon) : NEVER;
  }
  int has_pool = m->n_pool > 0;
  for (int i = 0; i < n; i++) {
    int c = m->inv_customer[i], cur = m->inv_currency[i], fixed = m->inv_fixed_day[i];
    double face = cur < 0 ? m->inv_amount[i] : m->inv_amount[i] * s->fx_factor[cur];
    double amount = face;
    int64_t offset;
    if (fixed >= 0) {
      amount = face * m->inv_fixed_share[i];
      offset = (int64_t)fixed - (int64_t)as_of;
    } else {
      double w = m->own_weight[c], u = next_uniform(s);
      int own = s->own_count[i];
      int64_t delay;
      if (u < w && own > 0) delay = m->delays[s->own_from[i] + (int)floor((u / w) * own)];
      else if (!has_pool) delay = m->inv_overdue[i];
      else {
        int pool = s->pool_count[i];
        double v = u < w ? u / w : (u - w) / (1 - w);
        delay = pool > 0 ? m->pool[s->pool_from[i] + (int)floor(v * pool)] : (int64_t)NEVER;
      }
      offset = s->due_offset[i] + delay;
    }
    double day = (double)offset + as_of;
    if (day >= s->default_day[c]) s->lost[c] += amount;
    else if (day < NEVER) {
      int p = offset < 0 ? 0 : offset < m->n_days ? m->day_period[offset] : -1;
      if (p >= 0) {
        s->net[p] += amount;
        s->received[c] += amount;
      }
    }
  }
  for (int c = 0; c < C; c++) {
    double at = s->default_day[c];
    const double *sales = m->sales + (size_t)c * W;
    for (int w = 0; w < W; w++) {
      if (s->middle[w] >= at) break;
      double v = sales[w] * growth;
      s->net[w] += v;
      s->received[c] += v;
    }
    double lost = s->lost[c];
    if (at >= NEVER || lost <= 0) continue;
    double insured = m->insured[c];
    place(m, s, c, at + m->indemnity_lag, lost * insured);
    place(m, s, c, at + m->recovery_lag, lost * (1 - insured) * m->recovery_share);
  }
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}
static const double *sort_key;
static int cmp_index(const void *a, const void *b) {
  int i = *(const int *)a, j = *(const int *)b;
  double x = sort_key[i], y = sort_key[j];
  return x < y ? -1 : x > y ? 1 : i - j;
}
static double quantile(const double *sorted, int n, double p) {
  double h = (n - 1) * p;
  int i = (int)floor(h);
  double lo = sorted[i], hi = sorted[i + 1 < n ? i + 1 : n - 1];
  return lo + (h - i) * (hi - lo);
}

static double clock_seconds(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2 || !(in = fopen(argv[1], "rb"))) {
    fprintf(stderr, "usage: montecarlo <model file written by bench/monte-carlo/dump.ts>\n");
    return 2;
  }
  Model m;
  read_model(&m);
  fclose(in);
  double started = clock_seconds(CLOCK_PROCESS_CPUTIME_ID), wall_started = clock_seconds(CLOCK_MONOTONIC);
  int W = m.periods, C = m.customers, P = m.paths;
  Scratch s;
  create_scratch(&m, &s);
  double *closings = malloc((size_t)P * W * 8);
  double *received_sum = calloc(C, 8);
  for (int p = 0; p < P; p++) {
    simulate_path(&m, &s, p);
    double cash = m.opening;
    for (int w = 0; w < W; w++) closings[(size_t)p * W + w] = cash += s.net[w];
    for (int c = 0; c < C; c++) received_sum[c] += s.received[c];
  }
  /* Statistics, as summarise in src/core/stress/monte-carlo/summary.ts. */
  int tail_count = (int)ceil(P * 0.05);
  if (tail_count < 1) tail_count = 1;
  double *column = malloc((size_t)P * 8), *mins = malloc((size_t)P * 8), *flows = malloc((size_t)P * 8);
  double q05_last = 0, q50_last = 0, q95_last = 0;
  for (int w = 0; w < W; w++) {
    for (int p = 0; p < P; p++) column[p] = closings[(size_t)p * W + w];
    qsort(column, P, 8, cmp_double);
    if (w == W - 1) {
      q05_last = quantile(column, P, 0.05);
      q50_last = quantile(column, P, 0.5);
      q95_last = quantile(column, P, 0.95);
    }
  }
  double min_sum = 0, min_sq = 0, flow_sum = 0;
  int min_negative = 0, min_below = 0;
  for (int p = 0; p < P; p++) {
    double min = INFINITY;
    for (int w = 0; w < W; w++) if (closings[(size_t)p * W + w] < min) min = closings[(size_t)p * W + w];
    mins[p] = min;
    min_sum += min;
    min_sq += min * min;
    min_negative += min < 0;
    min_below += min < m.buffer;
    flows[p] = closings[(size_t)p * W + W - 1] - m.opening;
    flow_sum += flows[p];
  }
  int *order = malloc((size_t)P * sizeof(int));
  for (int p = 0; p < P; p++) order[p] = p;
  sort_key = flows;
  qsort(order, P, sizeof(int), cmp_index);
  double flow5 = 0;
  {
    double *sorted_flows = malloc((size_t)P * 8);
    for (int p = 0; p < P; p++) sorted_flows[p] = flows[order[p]];
    flow5 = quantile(sorted_flows, P, 0.05);
  }
  double *sorted_mins = malloc((size_t)P * 8);
  memcpy(sorted_mins, mins, (size_t)P * 8);
  qsort(sorted_mins, P, 8, cmp_double);
  double *tail = calloc(C, 8);
  for (int k = 0; k < tail_count; k++) {
    simulate_path(&m, &s, order[k]);
    for (int c = 0; c < C; c++) tail[c] += s.received[c];
  }
  int top = 0;
  double top_shortfall = -INFINITY;
  for (int c = 0; c < C; c++) {
    double shortfall = received_sum[c] / P - tail[c] / tail_count;
    if (shortfall > top_shortfall) { top_shortfall = shortfall; top = c; }
  }
  double seconds = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - started;
  double wall = clock_seconds(CLOCK_MONOTONIC) - wall_started;
  double mean_min = min_sum / P;
  double sd_min = sqrt((min_sq - P * mean_min * mean_min) / (P - 1));
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  printf("{\"paths\":%d,\"seconds\":%.6f,\"cpuSeconds\":%.6f,\"peakRssMb\":%.1f,\"meanMinCashMinor\":%.3f,"
         "\"sdMinCashMinor\":%.3f,\"minCash5Minor\":%.0f,\"pMinNegative\":%.6f,\"pMinBelowBuffer\":%.6f,"
         "\"cfar95Minor\":%.0f,\"expectedNetFlowMinor\":%.0f,\"lastWeekQuantilesMinor\":[%.0f,%.0f,%.0f],"
         "\"topTailCustomer\":%d}\n",
         P, wall, seconds, usage.ru_maxrss / 1024.0, mean_min, sd_min, round(quantile(sorted_mins, P, 0.05)),
         (double)min_negative / P, (double)min_below / P, round(flow_sum / P - flow5), round(flow_sum / P),
         round(q05_last), round(q50_last), round(q95_last), top);
  return 0;
}
