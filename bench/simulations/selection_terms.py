"""Which terms should the greedy criteria subtract? (ForwardSelection's remarks quote this run.)

For 100 seeded data sets (n rows, a 3-class target y, a 3-valued strong feature a = y w.p. 0.6 that every rule
picks first, a binary weak signal d = [y = 0] w.p. 0.3, and K values of pure noise c), count how often mRMR and JMI
prefer d to c at the second step when every term is estimated by:
  plugin_mix  chance-corrected relevance, raw plug-in redundancy and I(X;X_j|Y)   (the rule with --estimator plugin before)
  grass_mix   chance-corrected relevance, raw Grassberger terms                   (the automatic rule before)
  allcorr     every term the plug-in less its exact permutation-null mean        (the rule now, for both)
  allgrass    Grassberger everywhere, relevance included
  allplug     plug-in everywhere (scikit-learn's mutual_info_score for every term)
Run:  /usr/bin/python3 bench/simulations/selection_terms.py 300 30 0.3     (n, K, weak signal strength)
Measured 2026-12-05 (n = 300, K = 30): JMI prefers d in 0, 28, 85, 21, 0 of 100; mRMR in 100, 89, 75, 83, 75.
n = 300, K = 12: JMI 0, 75, 87, 70, 0; mRMR 100, 94, 90, 86, 90. n = 1000, K = 12: JMI 63, 99, 100, 98, 25.
DISR (I(X,a;Y)/H(X,a,Y), its numerator raw or chance corrected) added 2026-12-05: it prefers d in 98-100 of 100 in all
three settings under every rule, because its denominator grows with the noise's values as its numerator's bias does.
"""
import numpy as np
from scipy.special import digamma
from sklearn.metrics import mutual_info_score
from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information
from sklearn.metrics.cluster import contingency_matrix

def G(n):
    n=np.asarray(n,float); s=np.where(n%2==0,1.0,-1.0)
    return digamma(n)+0.5*s*(digamma((n+1)/2)-digamma(n/2))
def Hg(codes):
    _,c=np.unique(codes,return_counts=True); N=c.sum(); return np.log(N)-(c*G(c)).sum()/N
def Hp(codes):
    _,c=np.unique(codes,return_counts=True); q=c/c.sum(); return -(q*np.log(q)).sum()
def join(*cs):
    out=np.zeros(len(cs[0]),np.int64)
    for c in cs: out=out*1000+c
    return out
def Ig(x,y): return max(0,Hg(x)+Hg(y)-Hg(join(x,y)))
def Igc(x,y,z): return max(0,Hg(join(x,z))+Hg(join(y,z))-Hg(join(x,y,z))-Hg(z))
def Ip(x,y): return mutual_info_score(x,y)
def Ipc(x,y,z):
    n=len(z); return sum((z==v).sum()/n*mutual_info_score(x[z==v],y[z==v]) for v in np.unique(z))
def E0(x,y):
    c=contingency_matrix(x,y,sparse=False).astype(np.int64); return expected_mutual_information(c,len(x))
def Iadj(x,y): return Ip(x,y)-E0(x,y)
def Iadjc(x,y,z):
    n=len(z); tot=0
    for v in np.unique(z):
        m=z==v
        if m.sum()>1: tot+=m.sum()/n*(Ip(x[m],y[m])-E0(x[m],y[m]))
    return tot

def trial(rng,n,K,flip_d):
    y=rng.integers(0,3,n)
    a=np.where(rng.random(n)<0.6,y,rng.integers(0,3,n))
    # d: weak signal, indep of a given... d depends on y
    d=np.where(rng.random(n)<flip_d,(y==0).astype(int),rng.integers(0,2,n))
    c=rng.integers(0,K,n)
    res={}
    for rule,(rel,mi,cmi) in {'plugin_mix':(Iadj,Ip,Ipc),'grass_mix':(Iadj,Ig,Igc),'allcorr':(Iadj,Iadj,Iadjc),'allgrass':(Ig,Ig,Igc),'allplug':(Ip,Ip,Ipc)}.items():
        for meth in ['mrmr','jmi']:
            sc={}
            for name,f in [('d',d),('c',c)]:
                r=rel(f,y); red=mi(f,a)
                sc[name]= r-red if meth=='mrmr' else r-red+cmi(f,a,y)
            res[(rule,meth)]= sc['d']>sc['c']
    # DISR: I(X,a;Y)/H(X,a,Y) with the numerator raw (plug-in, Grassberger) or chance corrected; H by the same estimator
    # (plug-in H for the plug-in and corrected numerators, Grassberger's for Grassberger's).
    for rule,(num,ent) in {'plugin_mix':(Ip,Hp),'grass_mix':(Ig,Hg),'allcorr':(Iadj,Hg),'allgrass':(Ig,Hg),'allplug':(Ip,Hp)}.items():
        sc={name:num(join(f,a),y)/ent(join(f,a,y)) for name,f in [('d',d),('c',c)]}
        res[(rule,'disr')]= sc['d']>sc['c']
    return res
import sys
n=int(sys.argv[1]);K=int(sys.argv[2]);fd=float(sys.argv[3])
rng=np.random.default_rng(5)
tot={}
T=100
for t in range(T):
    for k,v in trial(rng,n,K,fd).items(): tot[k]=tot.get(k,0)+v
for k in sorted(tot): print(k, tot[k]/T)
