#include "model/engine/deploy/servicemessageshell.h"

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

// Locals carry the __cuttle_ prefix: scripts source these functions, and `printf -v` must never
// name one of them. Values over 512 bytes go through base64(1): a shell loop is quadratic in
// practice and slower than one process for them.
const auto Functions = uR"BASH(
__cuttle_b64() {
    local LC_ALL=C __cuttle_s=${2-} __cuttle_out= __cuttle_i __cuttle_n __cuttle_a __cuttle_b __cuttle_c
    local __cuttle_t=ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/
    __cuttle_n=${#__cuttle_s}
    if [ "$__cuttle_n" -gt 512 ]; then
        __cuttle_out=$(printf '%s' "$__cuttle_s" | base64 | tr -d '\n')
        printf -v "$1" '%s' "$__cuttle_out"
        return 0
    fi
    for ((__cuttle_i = 0; __cuttle_i < __cuttle_n; __cuttle_i += 3)); do
        printf -v __cuttle_a '%d' "'${__cuttle_s:__cuttle_i:1}"
        __cuttle_a=$((__cuttle_a & 255)) __cuttle_b=0 __cuttle_c=0
        if ((__cuttle_i + 1 < __cuttle_n)); then
            printf -v __cuttle_b '%d' "'${__cuttle_s:__cuttle_i+1:1}"
            __cuttle_b=$((__cuttle_b & 255))
        fi
        if ((__cuttle_i + 2 < __cuttle_n)); then
            printf -v __cuttle_c '%d' "'${__cuttle_s:__cuttle_i+2:1}"
            __cuttle_c=$((__cuttle_c & 255))
        fi
        __cuttle_out+=${__cuttle_t:__cuttle_a >> 2:1}${__cuttle_t:(__cuttle_a & 3) << 4 | __cuttle_b >> 4:1}
        if ((__cuttle_i + 1 < __cuttle_n)); then
            __cuttle_out+=${__cuttle_t:(__cuttle_b & 15) << 2 | __cuttle_c >> 6:1}
        else
            __cuttle_out+='='
        fi
        if ((__cuttle_i + 2 < __cuttle_n)); then
            __cuttle_out+=${__cuttle_t:__cuttle_c & 63:1}
        else
            __cuttle_out+='='
        fi
    done
    printf -v "$1" '%s' "$__cuttle_out"
}
__cuttle_encode() {
    local __cuttle_encoded
    __cuttle_b64 __cuttle_encoded "${1-}"
    printf '%s' "$__cuttle_encoded"
}
__cuttle_message() {
    local __cuttle_line="##cuttle[$1" __cuttle_encoded
    shift
    while [ "$#" -ge 2 ]; do
        __cuttle_b64 __cuttle_encoded "$2"
        __cuttle_line+=" $1='$__cuttle_encoded'"
        shift 2
    done
    printf '%s]\n' "$__cuttle_line"
}
)BASH"_s;

} // namespace

QString ServiceMessageShell::functions()
{
    return Functions;
}

} // namespace Cuttle
