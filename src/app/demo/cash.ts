/**
 * Daily cash movements of the demo company by currency, filled while documents are generated,
 * so bank balances can be derived at the end without keeping the documents in memory.
 * Amounts are integer minor units held in Float64Array (exact below 2^53).
 */
export class CashFlows {
  private readonly flows = new Map<string, Float64Array>();
  private readonly outflows = new Map<string, Float64Array>();

  constructor(
    readonly startDay: number,
    readonly endDay: number,
  ) {}

  private series(map: Map<string, Float64Array>, currency: string): Float64Array {
    let s = map.get(currency);
    if (!s) {
      s = new Float64Array(this.endDay - this.startDay + 1);
      map.set(currency, s);
    }
    return s;
  }

  /** Adds an inflow (positive) or an outflow (negative) on epoch day `day`. */
  add(currency: string, day: number, amountMinor: number): void {
    if (day < this.startDay || day > this.endDay) throw new RangeError(`cash flow on day ${day} outside the history`);
    const i = day - this.startDay;
    const s = this.series(this.flows, currency);
    s[i] = (s[i] as number) + amountMinor;
    if (amountMinor < 0) {
      const o = this.series(this.outflows, currency);
      o[i] = (o[i] as number) - amountMinor;
    }
  }

  /** The outflows of `currency` over epoch days [from, to], as a positive amount. */
  outflowsBetween(currency: string, from: number, to: number): number {
    const o = this.outflows.get(currency);
    let total = 0;
    if (o)
      for (let d = Math.max(from, this.startDay); d <= Math.min(to, this.endDay); d++)
        total += o[d - this.startDay] as number;
    return total;
  }

  /** The net flow of `currency` on `day`. */
  on(currency: string, day: number): number {
    const s = this.flows.get(currency);
    return s ? (s[day - this.startDay] as number) : 0;
  }
}

/**
 * Sales and purchases by day in CNY (net of VAT, foreign sales converted), filled by the sales
 * stream and read by the purchases and the recurring items that scale with the business.
 */
export class Activity {
  readonly netSalesCny: Float64Array;
  readonly domesticNetSalesCny: Float64Array;

  constructor(
    readonly startDay: number,
    readonly endDay: number,
  ) {
    this.netSalesCny = new Float64Array(endDay - startDay + 1);
    this.domesticNetSalesCny = new Float64Array(endDay - startDay + 1);
  }

  addSale(day: number, netCny: number, isDomestic: boolean): void {
    const i = day - this.startDay;
    this.netSalesCny[i] = (this.netSalesCny[i] as number) + netCny;
    if (isDomestic) this.domesticNetSalesCny[i] = (this.domesticNetSalesCny[i] as number) + netCny;
  }

  /** Net sales in CNY over epoch days [from, to]. */
  salesBetween(from: number, to: number, domesticOnly = false): number {
    const s = domesticOnly ? this.domesticNetSalesCny : this.netSalesCny;
    let total = 0;
    for (let d = Math.max(from, this.startDay); d <= Math.min(to, this.endDay); d++)
      total += s[d - this.startDay] as number;
    return total;
  }
}
