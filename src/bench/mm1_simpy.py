"""The peer of `npm run bench`: the M/M/1 model of Order Up's benchmark in SimPy 2.3
(Debian's python3-simpy). Arrivals Poisson at lambda = 0.5 per minute, one server with
exponential service at mu = 1 per minute, FIFO; runs until N customers have been served and
prints one JSON line: customers served, mean time in system (minutes; theory 1/(mu - lambda)
= 2), and the wall time of the simulation itself (seconds)."""
import json
import random
import sys
import time

from SimPy.Simulation import Process, Resource, activate, hold, initialize, release, request, simulate, now, stopSimulation

LAMBDA = 0.5  # arrivals per minute
MU = 1.0  # services per minute
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 2026

served = 0
total = 0.0


class Customer(Process):
    def visit(self, server):
        global served, total
        arrived = now()
        yield request, self, server
        yield hold, self, random.expovariate(MU)
        yield release, self, server
        served += 1
        total += now() - arrived
        if served >= N:
            stopSimulation()


class Source(Process):
    def generate(self, server):
        while True:
            c = Customer()
            activate(c, c.visit(server))
            yield hold, self, random.expovariate(LAMBDA)


def main():
    random.seed(SEED)
    t0 = time.perf_counter()
    initialize()
    server = Resource(capacity=1)
    s = Source()
    activate(s, s.generate(server))
    simulate(until=1e12)
    wall = time.perf_counter() - t0
    print(json.dumps({"served": served, "meanMinutes": total / served, "wallSeconds": wall}))


main()
