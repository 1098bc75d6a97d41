"""Models of the communication channels module: maturity catalogue, checks, usage rates."""

from .catalogue import *  # noqa: F403
from .checks import *  # noqa: F403
from .usage import *  # noqa: F403
