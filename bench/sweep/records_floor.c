/*
 * The physical floor under Rigor's per-trial cost: the files DESIGN.md §5 asks of every run, written
 * by a C program that does nothing else.
 *
 * Two forked workers (as --jobs 2) run `true` N times between them with posix_spawn. Each trial gets
 * runs/<run_id>/ and out/, params.json, stdout.txt and stderr.txt (the process's own output),
 * metrics.json, and meta.json twice — at the start (status running) and at the end — each time
 * through a temporary file and a rename. No ledger, no measurement, no metric extraction, no
 * runtime: the contract's file work and the spawn, and nothing else.
 * Built by bench/sweep/marginal.sh (gcc -O2). Usage: records_floor DIR N
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void die(const char *what, const char *path) {
  fprintf(stderr, "records_floor: %s %s: %s\n", what, path, strerror(errno));
  _exit(1);
}

static void write_file(const char *path, const char *text, size_t len) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) die("cannot create", path);
  if (write(fd, text, len) != (ssize_t)len) die("cannot write", path);
  close(fd);
}

/* meta.json through a temporary file and a rename, as RunDirectory.writeMeta does. */
static void write_meta(const char *run, const char *run_id, int i, const char *status, int exit_code, const char *cwd) {
  char temp[4096], final[4096], text[2048];
  int len = snprintf(text, sizeof text,
      "{\n  \"schema\" : \"rigor.run/1\",\n  \"run_id\" : \"%s\",\n  \"params\" : {\n    \"i\" : %d\n  },\n"
      "  \"status\" : \"%s\",\n  \"exit_code\" : %d,\n  \"cmd\" : [ \"true\" ],\n  \"cwd\" : \"%s\"\n}\n",
      run_id, i, status, exit_code, cwd);
  snprintf(temp, sizeof temp, "%s/.meta.json.tmp", run);
  snprintf(final, sizeof final, "%s/meta.json", run);
  write_file(temp, text, (size_t)len);
  if (rename(temp, final) != 0) die("cannot rename", temp);
}

static void trials(const char *root, int n, int worker, int workers, const char *cwd) {
  char *argv[] = {"true", NULL};
  for (int i = worker; i < n; i += workers) {
    char run_id[256], run[3072], path[4096], text[512];
    snprintf(run_id, sizeof run_id, "i%d__baseline__%012x", i, i);
    snprintf(run, sizeof run, "%s/runs/%s", root, run_id);
    if (mkdir(run, 0755) != 0) die("cannot create", run);
    snprintf(path, sizeof path, "%s/out", run);
    if (mkdir(path, 0755) != 0) die("cannot create", path);
    int len = snprintf(text, sizeof text, "{\n  \"i\" : %d,\n  \"replicate\" : 1,\n  \"ablation\" : \"baseline\"\n}\n", i);
    snprintf(path, sizeof path, "%s/params.json", run);
    write_file(path, text, (size_t)len);
    write_meta(run, run_id, i, "running", -1, cwd);

    snprintf(path, sizeof path, "%s/stdout.txt", run);
    int out = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) die("cannot create", path);
    snprintf(path, sizeof path, "%s/stderr.txt", run);
    int err = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (err < 0) die("cannot create", path);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out, 1);
    posix_spawn_file_actions_adddup2(&actions, err, 2);
    pid_t pid;
    int rc = posix_spawnp(&pid, "true", &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out);
    close(err);
    if (rc != 0) {
      errno = rc;
      die("cannot spawn", "true");
    }
    int status;
    while (waitpid(pid, &status, 0) < 0) {
      if (errno != EINTR) die("cannot wait for", "true");
    }

    static const char metrics[] = "{\n  \"schema\" : \"rigor.metrics/1\",\n  \"values\" : { },\n  \"missing\" : [ ]\n}\n";
    snprintf(path, sizeof path, "%s/metrics.json", run);
    write_file(path, metrics, sizeof metrics - 1);
    write_meta(run, run_id, i, "ok", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), cwd);
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: records_floor DIR N\n");
    return 2;
  }
  const char *root = argv[1];
  int n = atoi(argv[2]), workers = 2;
  char runs[4096], cwd[2048];
  if (mkdir(root, 0755) != 0) die("cannot create", root);
  snprintf(runs, sizeof runs, "%s/runs", root);
  if (mkdir(runs, 0755) != 0) die("cannot create", runs);
  if (!getcwd(cwd, sizeof cwd)) die("cannot read", "the working directory");
  pid_t children[2];
  for (int w = 0; w < workers; w++) {
    children[w] = fork();
    if (children[w] < 0) die("cannot fork", "a worker");
    if (children[w] == 0) {
      trials(root, n, w, workers, cwd);
      _exit(0);
    }
  }
  int failed = 0;
  for (int w = 0; w < workers; w++) {
    int status;
    if (waitpid(children[w], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) failed = 1;
  }
  return failed;
}
