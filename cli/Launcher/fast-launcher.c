// fast-launcher: starts `fast` without the apphost's hostfxr and hostpolicy. Those two libraries
// resolve the framework and turn fast.runtimeconfig.json and the deps.json files into the
// runtime's start-up properties at every start (~1 ms of `fast run busybox true`'s ~18 ms: two
// C++ libraries to load and relocate, three JSON files to parse, a file check per assembly).
// The properties do not change between runs of one build, so `./fast` has `fast launcher-config`
// (cli/Commands/LauncherConfigCommand.cs) write them once, after each publish, to fast.launch
// next to this program; here they are read and handed to libcoreclr's embedding API
// (coreclr_initialize, coreclr_execute_assembly, coreclr_shutdown_2), as a custom .NET host does.
//
// Anything missing or stale (no fast.launch, another format, a runtime directory that is gone
// after an SDK update, a runtime that refuses the properties) and nothing has run yet: the
// launcher executes the apphost `fast` beside fast.dll with the same arguments instead, so it is
// never worse than the apphost. Exit status: the program's, as the apphost reports it (the
// latched exit code from coreclr_shutdown_2).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int (*coreclr_initialize_fn)(const char *exe, const char *domain, int count, const char **keys,
                                     const char **values, void **host, unsigned int *domain_id);
typedef int (*coreclr_execute_assembly_fn)(void *host, unsigned int domain_id, int argc, const char **argv,
                                           const char *assembly, unsigned int *exit_code);
typedef int (*coreclr_shutdown_2_fn)(void *host, unsigned int domain_id, int *latched_exit_code);

enum { MaxProperties = 64, MaxConfigBytes = 1 << 20 };
static const char Header[] = "fast-launcher 1";

// Replaces this process with the apphost; returns only if that failed.
static int run_apphost(const char *app_dir, char **argv, const char *why)
{
    char apphost[PATH_MAX];
    snprintf(apphost, sizeof apphost, "%s/fast", app_dir);
    if (getenv("FAST_LAUNCHER_VERBOSE")) fprintf(stderr, "fast-launcher: %s: starting %s\n", why, apphost);
    execv(apphost, argv);
    fprintf(stderr, "fast-launcher: %s, and %s cannot be started: %s\n", why, apphost, strerror(errno));
    return 127;
}

static char *read_config(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *text = malloc(MaxConfigBytes + 1);
    size_t n = text ? fread(text, 1, MaxConfigBytes + 1, f) : 0;
    fclose(f);
    if (!text || n == 0 || n > MaxConfigBytes) { free(text); return NULL; }
    text[n] = '\0';
    return text;
}

// Splits off the next line (the newline becomes NUL); NULL at the end.
static char *next_line(char **cursor)
{
    char *line = *cursor;
    if (!line || !*line) return NULL;
    char *end = strchr(line, '\n');
    if (end) { *end = '\0'; *cursor = end + 1; } else *cursor = line + strlen(line);
    return line;
}

int main(int argc, char **argv)
{
    char self[PATH_MAX], here[PATH_MAX];
    ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0) { fprintf(stderr, "fast-launcher: cannot read /proc/self/exe: %s\n", strerror(errno)); return 127; }
    self[length] = '\0';
    strcpy(here, self);
    *strrchr(here, '/') = '\0';

    char config_path[PATH_MAX];
    snprintf(config_path, sizeof config_path, "%s/fast.launch", here);
    char *config = read_config(config_path), *cursor = config;
    char *header = next_line(&cursor), *runtime_dir = next_line(&cursor), *app_dir = next_line(&cursor);
    if (!header || strcmp(header, Header) != 0 || !runtime_dir || !app_dir)
        return run_apphost(here, argv, "no usable fast.launch");

    const char *keys[MaxProperties], *values[MaxProperties];
    int count = 0;
    for (char *line; (line = next_line(&cursor));)
    {
        char *equals = strchr(line, '=');
        if (!equals || count == MaxProperties) return run_apphost(app_dir, argv, "a malformed fast.launch");
        *equals = '\0';
        keys[count] = line;
        values[count++] = equals + 1;
    }

    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/libcoreclr.so", runtime_dir);
    void *coreclr = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!coreclr) return run_apphost(app_dir, argv, "the runtime fast.launch names is not installed");
    coreclr_initialize_fn initialize = (coreclr_initialize_fn)dlsym(coreclr, "coreclr_initialize");
    coreclr_execute_assembly_fn execute = (coreclr_execute_assembly_fn)dlsym(coreclr, "coreclr_execute_assembly");
    coreclr_shutdown_2_fn shutdown = (coreclr_shutdown_2_fn)dlsym(coreclr, "coreclr_shutdown_2");
    if (!initialize || !execute || !shutdown) return run_apphost(app_dir, argv, "libcoreclr.so lacks the embedding API");

    void *host;
    unsigned int domain;
    if (initialize(self, "fast", count, keys, values, &host, &domain) < 0)
        return run_apphost(app_dir, argv, "the runtime refused fast.launch's properties");
    snprintf(path, sizeof path, "%s/fast.dll", app_dir);
    unsigned int exit_code = 0;
    // A failure here means fast.dll or its Main could not be loaded: nothing of it has run.
    if (execute(host, domain, argc - 1, (const char **)argv + 1, path, &exit_code) < 0)
        return run_apphost(app_dir, argv, "fast.dll could not be started");
    int latched = (int)exit_code;
    shutdown(host, domain, &latched);
    return latched;
}
