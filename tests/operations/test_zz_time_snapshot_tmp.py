import time, pytest
from tests import snapshot

@pytest.mark.django_db(transaction=True)
def test_time():
    from kosmos.core.demo import load_demo
    t=time.perf_counter(); load_demo(); t1=time.perf_counter()
    s=snapshot.take(); t2=time.perf_counter()
    s.restore(); t3=time.perf_counter()
    n=0;big=0
    big=sorted(((len(r),t) for t,(_,r) in s.rows.items()), reverse=True)[:8]
    print(f"\nload_demo {t1-t:.2f}s take {t2-t1:.2f}s restore {t3-t2:.2f}s rows {n} tables {len(s.rows)} {big}")
