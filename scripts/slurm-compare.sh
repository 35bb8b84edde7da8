#!/bin/bash
# settle compare as a Slurm job array, one shard per task. From the folder that holds Scenarios/:
#   sbatch slurm-compare.sh                 all 8 shards
#   sbatch --array=3 slurm-compare.sh       shard 3 again, if it failed
#   settle merge parts/*.json --out reports when every shard is done
#SBATCH --job-name=settle-compare
#SBATCH --array=1-8
#SBATCH --cpus-per-task=4
settle compare Scenarios/compare-mechanisms.yaml --replications "${REPLICATIONS:-200}" \
  --jobs "${SLURM_CPUS_PER_TASK}" --shard "${SLURM_ARRAY_TASK_ID}/${SHARDS:-8}" --out parts
