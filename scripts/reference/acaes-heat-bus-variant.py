"""
The heat-bus variant of the TESPy 2-stage A-CAES discharge (../shared/validation/tespy_acaes_2stage.*), computed
independently of Chuneng with CoolProp 8.0.0 (HEOS::Air, the equation TESPy 0.11 uses there): cavern air (70 bar,
313.15 K, 100 kg/s) -> heater H1 -> turbine T1 (eta_s 0.88, p_out/p_in = 1/8.31274191729859) -> heater H2 -> turbine
T2 (eta_s 0.88, to 1.013 bar); no pressure losses; both heaters on one heat bus whose total is the charge's stored heat
Q_stored = 59.145602983173205 MW, and T2's inlet temperature equal to T1's. The common inlet temperature is the root
of Q_H1(T) + Q_H2(T) = Q_stored (bisection to 1e-12 K). TESPy itself is not installable here (no package in the local
mirror), so this is the reference: the same equations written out by hand.

Run: python3 scripts/reference/acaes-heat-bus-variant.py   (needs `pip install CoolProp==8.0.0`)
"""
import json
import CoolProp
from CoolProp.CoolProp import PropsSI

FLUID = "HEOS::Air"
m = 100.0
p_cavern = 70e5
T_cavern = 313.15
ratio = 8.31274191729859
p_mid = p_cavern / ratio
p_exhaust = 1.013e5
eta = 0.88
Q_stored = 59.145602983173205e6


def h(T, p):
    return PropsSI("H", "T", T, "P", p, FLUID)


def turbine(T_in, p_in, p_out):
    h_in = h(T_in, p_in)
    s_in = PropsSI("S", "T", T_in, "P", p_in, FLUID)
    h_s = PropsSI("H", "P", p_out, "S", s_in, FLUID)
    h_out = h_in - eta * (h_in - h_s)
    return h_in, h_out


def state(T_in):
    h0 = h(T_cavern, p_cavern)
    h1_in, h1_out = turbine(T_in, p_cavern, p_mid)
    h2_in, h2_out = turbine(T_in, p_mid, p_exhaust)
    Q1 = m * (h1_in - h0)
    Q2 = m * (h2_in - h1_out)
    return {
        "T_turbine_in_K": T_in,
        "Q_H1_W": Q1,
        "Q_H2_W": Q2,
        "P_T1_W": m * (h1_in - h1_out),
        "P_T2_W": m * (h2_in - h2_out),
        "T_T1_out_K": PropsSI("T", "P", p_mid, "H", h1_out, FLUID),
        "T_T2_out_K": PropsSI("T", "P", p_exhaust, "H", h2_out, FLUID),
    }


lo, hi = 400.0, 900.0
while hi - lo > 1e-12:
    mid = 0.5 * (lo + hi)
    s = state(mid)
    if s["Q_H1_W"] + s["Q_H2_W"] > Q_stored:
        hi = mid
    else:
        lo = mid
result = state(0.5 * (lo + hi))
result["CoolProp"] = CoolProp.__version__
print(json.dumps(result, indent=2))
