// How cold a process's memory is after it sleeps (issue 18: the slow first queries after an idle
// period). Fills MB (default 150) of anonymous memory, on 4 KiB pages (HUGE 0) or advised onto
// 2 MiB pages (HUGE 1), then per round: sweeps one byte of every page in a random page order,
// sleeps SLEEP_MS, and times two more sweeps: the first after the sleep, the second right after
// it. ns per page, thread CPU and wall. On a quiet machine the two match; where the sleep lets
// other work evict the process's cache lines and page-table lines, the first sweep is slower.
//   cc -O2 -o /tmp/cold-pages server/bench/cold-pages.c && /tmp/cold-pages 0 15000 2
// usage: cold-pages HUGE SLEEP_MS ROUNDS [MB]
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
static double now_us(clockid_t c){struct timespec t;clock_gettime(c,&t);return t.tv_sec*1e6+t.tv_nsec/1e3;}
int main(int argc,char**argv){
  int huge=atoi(argv[1]); int sl=atoi(argv[2]); int rounds=atoi(argv[3]); size_t mb=argc>4?atoi(argv[4]):150;
  size_t bytes=mb<<20; size_t pages=bytes>>12;
  char*raw=mmap(0,bytes+(2<<20),PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0);
  char*a=(char*)(((unsigned long)raw+(2<<20)-1)&~((2ul<<20)-1));
  madvise(a,bytes,huge?MADV_HUGEPAGE:MADV_NOHUGEPAGE);
  memset(a,1,bytes);
  unsigned*order=malloc(pages*sizeof(unsigned)); for(size_t i=0;i<pages;i++)order[i]=i;
  unsigned s=7; for(size_t i=pages-1;i>0;i--){s=s*1103515245u+12345u; size_t j=(s>>4)%(i+1); unsigned t=order[i];order[i]=order[j];order[j]=t;}
  volatile long sum=0;
  for(int r=0;r<rounds;r++){
    for(size_t i=0;i<pages;i++) sum+=a[((size_t)order[i]<<12)+ (r*64 & 4095)];
    usleep(sl*1000);
    double c0=now_us(CLOCK_THREAD_CPUTIME_ID), w0=now_us(CLOCK_MONOTONIC);
    for(size_t i=0;i<pages;i++) sum+=a[((size_t)order[i]<<12)+((r*64+128)&4095)];
    double c1=now_us(CLOCK_THREAD_CPUTIME_ID), w1=now_us(CLOCK_MONOTONIC);
    for(size_t i=0;i<pages;i++) sum+=a[((size_t)order[i]<<12)+((r*64+256)&4095)];
    double c2=now_us(CLOCK_THREAD_CPUTIME_ID), w2=now_us(CLOCK_MONOTONIC);
    printf("huge %d sleep %d ms: first sweep %.0f ns/page (wall %.0f), second %.0f ns/page (wall %.0f)\n",huge,sl,(c1-c0)*1e3/pages,(w1-w0)*1e3/pages,(c2-c1)*1e3/pages,(w2-w1)*1e3/pages);
    fflush(stdout);
  }
  FILE*f=fopen("/proc/self/smaps_rollup","r"); char line[256]; while(fgets(line,256,f)) if(strstr(line,"AnonHuge")) printf("%s",line);
  return 0;
}
