#!/usr/bin/env bash
# Brings up a real single-node SLURM on this machine (Debian, no systemd): installs slurm-wlm and
# munge when missing, writes /etc/slurm/slurm.conf when there is none (or one this script wrote),
# starts munged, slurmctld and slurmd directly, and waits until the node is idle. Idempotent: a
# SLURM that already answers (`sinfo` shows a node) is left alone. Needs root (or sudo).
# Used by ./test so that CI runs the SLURM integration tests; see docs/CLUSTER.md.
set -euo pipefail

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

responding() { command -v sinfo >/dev/null 2>&1 && timeout 5 sinfo -h -o %T 2>/dev/null | grep -Eq 'idle|mix|alloc|comp'; }

conf=/etc/slurm/slurm.conf
marker="# written by rigor .ci/slurm-up.sh"

write_conf() {   # the configuration this script wants, on stdout
  local cpus mem_mb
  cpus="$(nproc)"
  mem_mb="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"
  cat <<CONF
$marker
ClusterName=local
SlurmctldHost=localhost
SlurmUser=slurm
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# A node that comes back after slurmd died returns to service by itself.
ReturnToService=2
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=1
# Without cgroups, a job over its --mem is killed by the accounting sampler (state OUT_OF_MEMORY).
JobAcctGatherParams=OverMemoryKill
SchedulerType=sched/backfill
# Schedule submissions at once (3 s later by default).
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
# A job without --mem gets 1 GB per CPU, not the whole node (which would run one job at a time).
DefMemPerCPU=1024
# No slurmdbd: sacct is off; finished jobs are read from the jobcomp file (sacct -c).
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
# Finished jobs stay visible in squeue for 300 s.
MinJobAge=300
MaxArraySize=10001
MaxJobCount=20000
InactiveLimit=0
KillWait=5
# A slurmd that stops answering is declared down after 20 s (NODE_FAIL for its jobs).
SlurmdTimeout=20
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
}

if responding; then
  # Leave a running SLURM alone; only a configuration this script wrote is brought up to date.
  if [ -f "$conf" ] && grep -qF "$marker" "$conf" && ! write_conf | cmp -s - "$conf"; then
    write_conf | $sudo tee "$conf" >/dev/null
    $sudo scontrol reconfigure
    echo "slurm-up: SLURM is running; its configuration was updated" >&2
  else
    echo "slurm-up: SLURM is already running" >&2
  fi
  exit 0
fi

if ! command -v sbatch >/dev/null 2>&1 || ! command -v slurmctld >/dev/null 2>&1 \
    || ! command -v slurmd >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  echo "slurm-up: installing slurm-wlm and munge" >&2
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    if $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
             slurm-wlm slurmctld slurmd slurm-client munge >/dev/null; then
      break
    fi
    [ "$attempt" -eq 10 ] && { echo "slurm-up: apt-get failed" >&2; exit 1; }
    sleep 6   # dpkg may be locked by another install
  done
fi

# munge: key, run directory, daemon.
[ -s /etc/munge/munge.key ] || { $sudo mungekey -c -f; $sudo chown munge:munge /etc/munge/munge.key; }
$sudo install -d -o munge -g munge -m 755 /run/munge
if ! pgrep -u munge -x munged >/dev/null 2>&1; then
  $sudo runuser -u munge -- /usr/sbin/munged
fi

$sudo install -d -o slurm -g slurm /var/spool/slurmctld /var/log/slurm
$sudo install -d /var/spool/slurmd

if [ ! -f "$conf" ] || grep -qF "$marker" "$conf"; then
  $sudo install -d /etc/slurm
  write_conf | $sudo tee "$conf" >/dev/null
fi

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if ! pid_alive /run/slurmctld.pid; then
  $sudo rm -f /run/slurmctld.pid
  $sudo slurmctld
fi
if ! pid_alive /run/slurmd.pid; then
  $sudo rm -f /run/slurmd.pid
  $sudo slurmd -N localhost
fi

for _ in $(seq 1 150); do
  if responding; then
    # A node left DOWN by an earlier crash (ReturnToService covers most cases) is resumed.
    if sinfo -h -o %T | grep -Eq 'down|drain'; then
      $sudo scontrol update NodeName=localhost State=RESUME >/dev/null 2>&1 || true
    fi
    echo "slurm-up: SLURM is running" >&2
    exit 0
  fi
  if sinfo -h -o %T 2>/dev/null | grep -Eq 'down|drain'; then
    $sudo scontrol update NodeName=localhost State=RESUME >/dev/null 2>&1 || true
  fi
  sleep 0.2
done
echo "slurm-up: SLURM did not come up; see /var/log/slurm/slurmctld.log and slurmd.log" >&2
exit 1
