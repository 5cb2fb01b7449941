"""A two-party stereo call for the commands that take a recording."""

import numpy as np
import pytest

from tests.conftest import SR, espeak, write_wav


@pytest.fixture(scope="session")
def two_party_wav(tmp_path_factory):
    agent = espeak("Thank you for calling Acme, this is Sam, how can I help you?", "en-us+m3")
    cust = espeak("Hello, my parcel arrived broken and I would like a refund please.", "en-us+f3")
    a = np.zeros(14 * SR, np.float32)
    c = np.zeros(14 * SR, np.float32)
    a[int(0.3 * SR) : int(0.3 * SR) + agent.size] = agent
    c[int(6 * SR) : int(6 * SR) + cust.size] = cust
    return write_wav(tmp_path_factory.mktemp("cli") / "call.wav", np.stack([a, c]))
