"""Reference figures for src/finance/cn-evaluation.test.ts: a small project worked by the definitions of
《建设项目经济评价方法与参数》(第三版, 2006), in plain Python floats, independent of the TypeScript code.

    python3 scripts/reference/cn_evaluation_reference.py

Prints every figure the test compares with; the test quotes this output. Money in million yuan.

The project (the test's `handWorked`): 2 construction years (capital 1000, VAT-exclusive, spent half at the start of
each, t = 0 and 1), 5 operating years at t = 3 ... 7 (operating year n at t = 2 + n); revenue 500, charging 150,
fixed O&M 20 a year; VAT 13 % on sales, capital and charging, surcharges 12 % of VAT paid; income tax 25 %, losses
carried forward 5 years; depreciation 5 years straight line, 5 % residual, from the first operating year, on the
capital plus the capitalised construction interest (an adjusted, unlevered view depreciates the capital alone);
loan 60 % of the VAT-inclusive spending at 5 %, construction interest capitalised, repaid in 5 equal principal
instalments; salvage 50 and decommissioning 10 in the last operating year.
"""

C, N = 2, 5
T = C + N + 1
capex = [500.0, 500.0] + [0.0] * (T - 2)
vat_rate, capex_vat, charging_vat, surcharge = 0.13, 0.13, 0.13, 0.12
revenue = [500.0 if t > C else 0.0 for t in range(T)]
charging = [150.0 if t > C else 0.0 for t in range(T)]
om = [20.0 if t > C else 0.0 for t in range(T)]
salvage = [50.0 if t == T - 1 else 0.0 for t in range(T)]
decom = [10.0 if t == T - 1 else 0.0 for t in range(T)]
tax_rate, dep_years, residual, loss_years = 0.25, 5, 0.05, 5
debt_fraction, rate = 0.6, 0.05
ic = 0.06

# VAT: payable = max(0, output - input - credit brought forward), the credit carried forward
out = [vat_rate * r for r in revenue]
inp = [capex_vat * k + charging_vat * c for k, c in zip(capex, charging)]
paid, credit, c = [], [], 0.0
for t in range(T):
    net = out[t] - inp[t] - c
    paid.append(max(net, 0.0))
    c = max(-net, 0.0)
    credit.append(c)
surch = [surcharge * p for p in paid]

# Loan: drawn on the VAT-inclusive spending; construction interest on the opening balance, added to the loan
draw, idc, bal, b = [], [], [], 0.0
for t in range(C + 1):
    i = rate * b if t > 0 else 0.0
    d = debt_fraction * capex[t] * (1 + capex_vat)
    b += i + d
    draw.append(d); idc.append(i); bal.append(b)
loan = b
interest, principal = [0.0] * T, [0.0] * T
for t in range(C + 1, C + N + 1):
    interest[t] = rate * b
    principal[t] = loan / N
    b -= principal[t]
    bal.append(b)
draw += [0.0] * (T - len(draw)); idc += [0.0] * (T - len(idc))
opening = [0.0] + bal[:-1]

# Profit: depreciation on capital + capitalised interest; book value left written off against salvage at the end
base = sum(capex) + sum(idc)
dep = [base * (1 - residual) / dep_years if C < t <= C + dep_years else 0.0 for t in range(T)]
write_off = [base - sum(dep) if t == T - 1 else 0.0 for t in range(T)]
operating_cost = [c + o for c, o in zip(charging, om)]
disposal = [s - d - w for s, d, w in zip(salvage, decom, write_off)]
total_cost = [operating_cost[t] + dep[t] + interest[t] for t in range(T)]
profit = [revenue[t] - surch[t] - total_cost[t] + disposal[t] for t in range(T)]


def carry(income):
    pool, used, taxable = [], [], []
    for t, x in enumerate(income):
        pool = [p for p in pool if t - p[0] <= loss_years]
        if x < 0:
            pool.append([t, -x]); used.append(0.0); taxable.append(0.0); continue
        u = 0.0
        for p in pool:
            take = min(x - u, p[1]); p[1] -= take; u += take
        used.append(u); taxable.append(x - u)
    return used, taxable


loss_used, taxable = carry(profit)
tax = [tax_rate * x for x in taxable]
net_profit = [p - x for p, x in zip(profit, tax)]
ebit = [p + i for p, i in zip(profit, interest)]
ebitda = [e + d + w for e, d, w in zip(ebit, dep, write_off)]

# Adjusted income tax (调整所得税): the unlevered view, depreciation of the capital alone, losses carried forward
dep_u = [sum(capex) * (1 - residual) / dep_years if C < t <= C + dep_years else 0.0 for t in range(T)]
wo_u = [sum(capex) - sum(dep_u) if t == T - 1 else 0.0 for t in range(T)]
profit_u = [revenue[t] - surch[t] - operating_cost[t] - dep_u[t] + salvage[t] - decom[t] - wo_u[t] for t in range(T)]
adj_tax = [tax_rate * x for x in carry(profit_u)[1]]

inflow = [revenue[t] + out[t] + salvage[t] for t in range(T)]
outflow = [capex[t] + operating_cost[t] + inp[t] + paid[t] + surch[t] + decom[t] for t in range(T)]
pre = [a - b_ for a, b_ in zip(inflow, outflow)]
after = [p - a for p, a in zip(pre, adj_tax)]
equity_in = [capex[t] * (1 + capex_vat) - draw[t] if t <= C else 0.0 for t in range(T)]
equity = [-equity_in[t] if t <= C else pre[t] - tax[t] - interest[t] - principal[t] for t in range(T)]


def npv(r, cf):
    return sum(x / (1 + r) ** t for t, x in enumerate(cf))


def irr(cf, lo=-0.99, hi=10.0):
    for _ in range(200):
        mid = (lo + hi) / 2
        if npv(lo, cf) * npv(mid, cf) <= 0: hi = mid
        else: lo = mid
    return (lo + hi) / 2


def payback(cf, r=0.0):
    """累计净现金流量出现正值的年份数 - 1 + |上年累计净现金流量| / 当年净现金流量 (years counted from t = 0)."""
    cum = 0.0
    for t, x in enumerate(cf):
        x = x / (1 + r) ** t
        if cum + x >= 0 and cum < 0: return t - 1 + -cum / x
        cum += x
    return None


def cumulative(xs):
    s, out_ = 0.0, []
    for x in xs: s += x; out_.append(s)
    return out_


ops = range(C + 1, C + N + 1)
service = [principal[t] + interest[t] for t in range(T)]
icr = [ebit[t] / interest[t] if interest[t] > 0 else None for t in range(T)]
dscr = [(ebitda[t] - tax[t]) / service[t] if service[t] > 0 else None for t in range(T)]
total_investment = sum(capex) + sum(idc)
roi = sum(ebit[t] for t in ops) / N / total_investment
equity_capital = sum(equity_in)
roe = sum(net_profit[t] for t in ops) / N / equity_capital
cash = cumulative([0.0 if t <= C else equity[t] for t in range(T)])
nbv = [x - y for x, y in zip(cumulative([capex[t] + idc[t] for t in range(T)]), cumulative([dep[t] + write_off[t] for t in range(T)]))]
assets = [nbv[t] + credit[t] + cash[t] for t in range(T)]
lev = [bal[t] / assets[t] for t in range(T)]

for name, xs in [
    ('vatPaid', paid), ('vatCredit', credit), ('surcharges', surch), ('draw', draw), ('interestCapitalised', idc),
    ('openingBalance', opening), ('closingBalance', bal), ('interest', interest), ('principal', principal),
    ('depreciation', dep), ('writeOff', write_off), ('totalCost', total_cost), ('profit', profit),
    ('lossUsed', loss_used), ('taxable', taxable), ('incomeTax', tax), ('netProfit', net_profit), ('ebit', ebit),
    ('ebitda', ebitda), ('adjustedIncomeTax', adj_tax), ('preTax', pre), ('afterTax', after), ('equity', equity),
    ('icr', icr), ('dscr', dscr), ('assets', assets), ('liabilityToAssets', lev),
]:
    print(f'{name}: [{", ".join("null" if x is None else repr(x) for x in xs)}]')
for name, x in [
    ('loanAtCommissioning', loan), ('firrPreTax', irr(pre)), ('firrAfterTax', irr(after)), ('firrEquity', irr(equity)),
    ('fnpvPreTax', npv(ic, pre)), ('fnpvAfterTax', npv(ic, after)), ('paybackPreTax', payback(pre)),
    ('paybackAfterTax', payback(after)), ('dynamicPaybackPreTax', payback(pre, ic)),
    ('dynamicPaybackAfterTax', payback(after, ic)), ('totalInvestment', total_investment), ('roi', roi),
    ('equityCapital', equity_capital), ('roe', roe),
]:
    print(f'{name}: {x!r}')
